// The rules of a match that reach beyond the rules: what the clients are told, and
// what the room does with its state. The fight itself is in tests/scenarios/combat.test.ts,
// played at both levels.
import { describe, expect, it } from "vitest";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { CROSSROADS, farthestSpawn } from "../../shared/arena.ts";
import { BULLET_DAMAGE, HEAL_AMOUNT, SHIP_HEALTH, TICK_RATE } from "../../shared/constants.ts";
import { koFromWire, type KoMessage, type KoWire } from "../../shared/messages.ts";
import { ShipInput } from "../../shared/schema.ts";
import { arrange, drive, recordEvents, shotsLanded, useTestServer, waitFor } from "../kit/index.ts";

const server = useTestServer();

async function twoPlayers() {
  const room = await server.colyseus.createRoom<ArenaRoom>("arena");
  const a = await server.colyseus.connectTo(room, { name: "Alpha" });
  const b = await server.colyseus.connectTo(room, { name: "Bravo" });
  return { room, a, b, aInput: a.input({ type: ShipInput }), bInput: b.input({ type: ShipInput }) };
}

const FIRE_RIGHT = { aimX: 1, aimY: 0, fire: true };

describe("combat", () => {
  it("a KO is told to everyone, names and all", async () => {
    const { room, a, b, aInput } = await twoPlayers();
    const seenByB: KoMessage[] = [];
    b.onMessage("ko", (wire: KoWire) => seenByB.push(koFromWire(wire)));
    const shooter = arrange(room, a.sessionId, 500, 500);
    const target = arrange(room, b.sessionId, 700, 500);
    target.health = BULLET_DAMAGE;
    await drive(aInput, FIRE_RIGHT, 1);
    await waitFor(() => !target.alive, "the KO");
    expect({ kos: shooter.kos, deaths: target.deaths, koBy: target.koBy }).toEqual({ kos: 1, deaths: 1, koBy: "Alpha" });
    await waitFor(() => seenByB.length === 1, "the KO message");
    expect(seenByB[0]).toEqual({ killer: a.sessionId, victim: b.sessionId, at: expect.any(Number) });
  });

  it("respawns at the spawn point farthest from enemies, and the shield blocks damage", async () => {
    const { room, a, b, aInput } = await twoPlayers();
    const shooter = arrange(room, a.sessionId, 500, 500);
    const target = arrange(room, b.sessionId, 700, 500);
    target.health = BULLET_DAMAGE;
    await drive(aInput, FIRE_RIGHT, 1);
    await waitFor(() => !target.alive, "the KO");
    await waitFor(() => target.alive, "the respawn", 6000);
    const expected = farthestSpawn(CROSSROADS, [shooter]);
    expect({ x: target.x, y: target.y, health: target.health }).toEqual({ x: expected.x, y: expected.y, health: SHIP_HEALTH });
    expect(target.shieldUntil).toBeGreaterThan(room.state.tick);

    // Shoot the freshly respawned ship point blank: the bullet reaches it, and the shield takes it.
    Object.assign(shooter, { x: target.x - (target.x > 640 ? 120 : -120), y: target.y, vx: 0, vy: 0, fireCooldown: 0 });
    const events = recordEvents(room);
    await drive(aInput, { aimX: target.x - shooter.x, aimY: 0, fire: true }, 1);
    await shotsLanded(room, events, a.sessionId);
    expect(target.health).toBe(SHIP_HEALTH);
    expect(events.filter((event) => event.type === "hit")).toEqual([]);
    expect(events).toContainEqual(expect.objectContaining({ type: "deflect", shooter: a.sessionId, target: b.sessionId }));
  });
});

describe("pickups", () => {
  function spotOf(kind: string) {
    return CROSSROADS.pickups.find((spot) => spot.kind === kind)!;
  }

  it("heal restores health and the pickup recharges", async () => {
    const { room, a } = await twoPlayers();
    const spot = spotOf("heal");
    const ship = arrange(room, a.sessionId, spot.x, spot.y);
    ship.health = 30;
    await waitFor(() => ship.health > 30, "the heal");
    expect(ship.health).toBe(30 + HEAL_AMOUNT);
    const pickup = [...room.state.pickups.values()].find((p) => p.x === spot.x && p.y === spot.y)!;
    expect(pickup.readyTick).toBeGreaterThan(room.state.tick);
  });

  it("speed and rapid fire apply, then expire", async () => {
    const { room, a, aInput } = await twoPlayers();
    for (const [kind, field] of [
      ["speed", "speedTicks"],
      ["rapid", "rapidTicks"],
    ] as const) {
      const spot = spotOf(kind);
      const ship = arrange(room, a.sessionId, spot.x, spot.y);
      await waitFor(() => ship[field] > 0, `the ${kind} pickup`);
      // Step off the spot and let the effect run out (shortened, so the test stays quick).
      arrange(room, a.sessionId, 640, 40);
      ship[field] = 3;
      await drive(aInput, {}, 4);
      await waitFor(() => ship[field] === 0, `the ${kind} effect to expire`);
    }
  });

  it("shield blocks damage while it lasts", async () => {
    const { room, a, b, bInput } = await twoPlayers();
    const spot = spotOf("shield");
    const ship = arrange(room, a.sessionId, spot.x, spot.y);
    await waitFor(() => ship.shieldUntil > room.state.tick, "the shield");
    arrange(room, b.sessionId, spot.x - 200, spot.y);
    ship.shieldUntil = room.state.tick + TICK_RATE * 10;
    const events = recordEvents(room);
    await drive(bInput, FIRE_RIGHT, 1);
    await shotsLanded(room, events, b.sessionId);
    expect(ship.health).toBe(SHIP_HEALTH);
    expect(events.filter((event) => event.type === "hit")).toEqual([]);
    // The bullet reached the ship and the shield turned it away (a wall or a miss would pass the lines above).
    expect(events).toContainEqual(expect.objectContaining({ type: "deflect", shooter: b.sessionId, target: a.sessionId }));
  });
});

describe("rounds", () => {
  it("a round ends on its timer, shows results, and the next one starts with scores reset", async () => {
    const { room, a } = await twoPlayers();
    const ship = room.state.ships.get(a.sessionId)!;
    ship.kos = 4;
    room.state.phaseEndTick = room.state.tick + 2;
    await waitFor(() => room.state.phase === "results", "the results");
    expect(ship.alive).toBe(false);
    await waitFor(() => a.state.phase === "results", "the client to see the results");
    room.state.phaseEndTick = room.state.tick + 2;
    await waitFor(() => room.state.phase === "playing", "the next round");
    expect(room.state.round).toBe(2);
    expect({ kos: ship.kos, alive: ship.alive, health: ship.health }).toEqual({ kos: 0, alive: true, health: SHIP_HEALTH });
  });
});
