// Every rule of a match, played through the real room with real client inputs.
import { describe, expect, it } from "vitest";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { CROSSROADS, farthestSpawn } from "../../shared/arena.ts";
import { BULLET_DAMAGE, DASH_SPEED, HEAL_AMOUNT, MOVE_AXIS_MAX, SHIP_HEALTH, SHIP_MAX_SPEED, SHIP_RADIUS, TICK_RATE } from "../../shared/constants.ts";
import type { KoMessage } from "../../shared/messages.ts";
import { ShipInput } from "../../shared/schema.ts";
import { arrange, drive, recordEvents, shotsLanded } from "../support/roomHelpers.ts";
import { useTestServer, waitFor } from "../support/testServer.ts";

const server = useTestServer();

async function twoPlayers() {
  const room = await server.colyseus.createRoom<ArenaRoom>("arena");
  const a = await server.colyseus.connectTo(room, { name: "Alpha" });
  const b = await server.colyseus.connectTo(room, { name: "Bravo" });
  return { room, a, b, aInput: a.input({ type: ShipInput }), bInput: b.input({ type: ShipInput }) };
}

const FIRE_RIGHT = { aimX: 1, aimY: 0, fire: true };

describe("combat", () => {
  it("a bullet hit takes its damage off the target's health", async () => {
    const { room, a, b, aInput } = await twoPlayers();
    arrange(room, a.sessionId, 500, 500);
    const target = arrange(room, b.sessionId, 700, 500);
    await drive(aInput, FIRE_RIGHT, 1);
    await waitFor(() => target.health < SHIP_HEALTH, "the hit");
    expect(target.health).toBe(SHIP_HEALTH - BULLET_DAMAGE);
    await waitFor(() => b.state.ships.get(b.sessionId)!.health === SHIP_HEALTH - BULLET_DAMAGE, "the target's client to see it");
  });

  it("a KO scores for the shooter, counts a death, and tells everyone", async () => {
    const { room, a, b, aInput } = await twoPlayers();
    const seenByB: KoMessage[] = [];
    b.onMessage("ko", (message: KoMessage) => seenByB.push(message));
    const shooter = arrange(room, a.sessionId, 500, 500);
    const target = arrange(room, b.sessionId, 700, 500);
    target.health = BULLET_DAMAGE;
    await drive(aInput, FIRE_RIGHT, 1);
    await waitFor(() => !target.alive, "the KO");
    expect({ kos: shooter.kos, deaths: target.deaths, koBy: target.koBy }).toEqual({ kos: 1, deaths: 1, koBy: "Alpha" });
    await waitFor(() => seenByB.length === 1, "the KO message");
    expect(seenByB[0]).toEqual({ killer: a.sessionId, victim: b.sessionId, killerName: "Alpha", victimName: "Bravo", at: expect.any(Number) });
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

  it("a dash bursts the ship forward and its cooldown blocks a second one", async () => {
    const { room, a, aInput } = await twoPlayers();
    const ship = arrange(room, a.sessionId, 100, 360);
    await drive(aInput, { moveX: MOVE_AXIS_MAX, dash: true }, 1);
    await waitFor(() => ship.x > 100, "the dash");
    expect(ship.vx).toBe(DASH_SPEED);
    await drive(aInput, {}, 15);
    await waitFor(() => ship.vx < SHIP_MAX_SPEED, "the burst to end");
    const travelled = ship.x - 100;
    expect(travelled).toBeGreaterThan(100);
    await drive(aInput, { aimX: 1, dash: true }, 1);
    // The second dash request was applied (the input consumed, a step taken) and did nothing.
    await waitFor(() => room.inputs.get(a.sessionId).size === 0, "the dash input to be applied");
    await room.waitForNextTimestep();
    expect(ship.vx).toBeLessThan(SHIP_MAX_SPEED);
  });

  it("walls stop ships and bullets", async () => {
    const { room, a, b, aInput } = await twoPlayers();
    // The pillar in the middle of Crossroads spans x 600-680, y 320-400.
    const ship = arrange(room, a.sessionId, 560, 360);
    const hidden = arrange(room, b.sessionId, 760, 360);
    await drive(aInput, { moveX: MOVE_AXIS_MAX }, 20);
    await waitFor(() => room.inputs.get(a.sessionId).size === 0, "the inputs to be applied");
    expect(ship.x).toBe(600 - SHIP_RADIUS);
    const events = recordEvents(room);
    await drive(aInput, FIRE_RIGHT, 10);
    await shotsLanded(room, events, a.sessionId, 2);
    expect(hidden.health).toBe(SHIP_HEALTH);
    expect(events.filter((event) => event.type === "hit")).toEqual([]);
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
