import { describe, expect, it } from "vitest";
import { CROSSROADS, farthestSpawn, FOUNDRY, LAYOUTS } from "../../shared/arena.ts";
import { botControls } from "../../shared/bots.ts";
import {
  BULLET_DAMAGE,
  BULLET_LIFETIME,
  HEAL_AMOUNT,
  KO_TARGET,
  PICKUP_RESPAWN,
  RAPID_FIRE_DURATION,
  RESPAWN_DELAY,
  RESULTS_DURATION,
  ROUND_DURATION,
  SHIELD_PICKUP_DURATION,
  SHIP_HEALTH,
  SPAWN_SHIELD,
  SPEED_BOOST_DURATION,
} from "../../shared/constants.ts";
import { stepShip, ticks, type ShipControls } from "../../shared/step.ts";
import { addShip, type WorldState } from "../../shared/world.ts";
import { dt, FIRE_RIGHT, newWorld, place, plainFactory, play } from "../kit/index.ts";

/** Fires one bullet from `shooter` to the right and lets it fly. */
function shootRight(world: WorldState, shooter: string, flightTicks = 15) {
  const firingTick = world.tick;
  return play(world, flightTicks, (id, tick) => (id === shooter && tick === firingTick ? FIRE_RIGHT : undefined));
}

describe("bullets and hits", () => {
  it("never hits its own shooter, and expires after its lifetime", () => {
    const world = newWorld();
    const a = place(world, "a", 100, 500);
    play(world, 1, () => FIRE_RIGHT);
    expect(world.bullets.size).toBe(1);
    // Slowed down, so nothing but its age can stop it before the lifetime ends.
    const bullet = [...world.bullets.values()][0]!;
    bullet.vx = 60;
    play(world, ticks(BULLET_LIFETIME, dt) - 2);
    expect(world.bullets.size).toBe(1);
    play(world, 1);
    expect(world.bullets.size).toBe(0);
    expect(a.health).toBe(SHIP_HEALTH);
  });
  it("lets a second bullet in the same tick hit where the first one's knock-back sent the ship", () => {
    const world = newWorld();
    place(world, "a", 100, 100);
    const target = place(world, "b", 500, 500);
    const fly = (x: number, y: number, vx: number, vy: number) => {
      const bullet = Object.assign(plainFactory.bullet(), { x, y, vx, vy, owner: "a", spawnTick: world.tick });
      world.bullets.set(`${world.bullets.size}`, bullet);
    };
    // The first strikes from the left, knocking the ship right: over this tick it is seen coming from 5 px to the left of where it was.
    fly(470, 500, 900, 0);
    // The second falls past that side: it reaches the ship as the knock-back moves it, not as it was before the first hit.
    fly(476, 500, 0, 900);
    const events = play(world, 1);
    expect(events.filter((event) => event.type === "hit")).toHaveLength(2);
    expect(target.health).toBe(SHIP_HEALTH - 2 * BULLET_DAMAGE);
  });
});

describe("knock-outs and respawns", () => {
  it("respawns after the delay at the spawn point farthest from living enemies, shielded", () => {
    const world = newWorld();
    const a = place(world, "a", 500, 500);
    const b = place(world, "b", 700, 500);
    b.health = BULLET_DAMAGE;
    shootRight(world, "a", 10);
    expect(b.alive).toBe(false);
    expect(b.respawnTick - world.tick).toBeGreaterThan(ticks(RESPAWN_DELAY, dt) - 10);
    const expected = farthestSpawn(CROSSROADS, [a]);
    play(world, b.respawnTick - world.tick - 1);
    expect(b.alive).toBe(false);
    const events = play(world, 1);
    expect(events).toContainEqual({ type: "respawn", ship: "b" });
    expect({ x: b.x, y: b.y, health: b.health, alive: b.alive }).toEqual({ x: expected.x, y: expected.y, health: SHIP_HEALTH, alive: true });
    expect(b.shieldUntil).toBe(world.tick + ticks(SPAWN_SHIELD, dt));

    // Shielded: a hit right after the respawn does nothing; the shield turns the bullet away.
    Object.assign(a, { x: b.x - 150, y: b.y });
    const shielded = shootRight(world, "a", 8);
    expect(b.health).toBe(SHIP_HEALTH);
    expect(shielded).toContainEqual(expect.objectContaining({ type: "deflect", shooter: "a", target: "b" }));
  });
});

describe("pickups", () => {
  function onPickup(kind: string) {
    const world = newWorld();
    const pickup = [...world.pickups.values()].find((p) => p.kind === kind)!;
    const ship = place(world, "a", pickup.x, pickup.y);
    return { world, pickup, ship };
  }

  it("heal restores health, up to the maximum", () => {
    const { world, ship } = onPickup("heal");
    ship.health = 30;
    const events = play(world, 1);
    expect(ship.health).toBe(30 + HEAL_AMOUNT);
    expect(events).toContainEqual({ type: "pickup", ship: "a", kind: "heal" });
  });

  it("is gone once taken and comes back after its respawn time", () => {
    const { world, pickup, ship } = onPickup("heal");
    ship.health = 10;
    play(world, 1);
    expect(pickup.readyTick).toBe(world.tick + ticks(PICKUP_RESPAWN, dt));
    play(world, 5);
    expect(ship.health).toBe(10 + HEAL_AMOUNT);
    play(world, ticks(PICKUP_RESPAWN, dt));
    expect(ship.health).toBe(10 + 2 * HEAL_AMOUNT);
  });

  it("speed and rapid fire last their duration, then expire", () => {
    for (const [kind, field, duration] of [
      ["speed", "speedTicks", SPEED_BOOST_DURATION],
      ["rapid", "rapidTicks", RAPID_FIRE_DURATION],
    ] as const) {
      const { world, ship } = onPickup(kind);
      play(world, 1);
      expect(ship[field], kind).toBe(ticks(duration, dt));
      ship.x += 100; // step off the spot so it is not taken again when it returns
      play(world, ticks(duration, dt));
      expect(ship[field], kind).toBe(0);
    }
  });

  it("shield blocks damage while it lasts", () => {
    const { world, ship } = onPickup("shield");
    play(world, 1);
    expect(ship.shieldUntil).toBe(world.tick + ticks(SHIELD_PICKUP_DURATION, dt));
    place(world, "b", ship.x - 200, ship.y);
    // The bullet reaches the ship, and the shield turns it away: not a wall, not a miss.
    const shielded = shootRight(world, "b", 10);
    expect(ship.health).toBe(SHIP_HEALTH);
    expect(shielded).toContainEqual(expect.objectContaining({ type: "deflect", shooter: "b", target: "a" }));
    play(world, ticks(SHIELD_PICKUP_DURATION, dt));
    Object.assign(ship, { x: world.ships.get("b")!.x + 200, vx: 0, vy: 0 });
    const unshielded = shootRight(world, "b", 10);
    expect(ship.health).toBe(SHIP_HEALTH - BULLET_DAMAGE);
    expect(unshielded.filter((event) => event.type === "deflect")).toEqual([]);
  });
});

describe("rounds", () => {
  it("ends on the timer, shows results, then starts the next round with scores reset", () => {
    const world = newWorld();
    const a = place(world, "a", 500, 500);
    a.kos = 3;
    play(world, ticks(ROUND_DURATION, dt) - 1);
    expect(world.phase).toBe("playing");
    const over = play(world, 1);
    expect(world.phase).toBe("results");
    expect(over).toContainEqual({ type: "round-over", round: 1, winner: "a", team: 0 });
    expect(a.alive).toBe(false);
    play(world, ticks(RESULTS_DURATION, dt) - 1);
    expect(world.phase).toBe("results");
    const next = play(world, 1);
    expect(world.phase).toBe("playing");
    expect(world.round).toBe(2);
    expect(next).toContainEqual({ type: "round-start", round: 2, layout: world.layout });
    expect({ kos: a.kos, deaths: a.deaths, alive: a.alive, health: a.health }).toEqual({ kos: 0, deaths: 0, alive: true, health: SHIP_HEALTH });
  });

  it("ends as soon as someone reaches the KO target", () => {
    const world = newWorld();
    const a = place(world, "a", 500, 500);
    const b = place(world, "b", 700, 500);
    a.kos = KO_TARGET - 1;
    b.health = BULLET_DAMAGE;
    const events = shootRight(world, "a");
    expect(a.kos).toBe(KO_TARGET);
    expect(world.phase).toBe("results");
    expect(events).toContainEqual({ type: "round-over", round: 1, winner: "a", team: 0 });
    // Everyone stays down through the results, whatever their respawn timers say.
    play(world, ticks(RESULTS_DURATION, dt) - 20);
    expect([...world.ships.values()].some((ship) => ship.alive)).toBe(false);
  });

  it("plays every layout over a few rounds", () => {
    const world = newWorld();
    place(world, "a", 500, 500);
    const seen = new Set([world.layout]);
    for (let round = 0; round < 8; round++) {
      world.phaseEndTick = world.tick + 1;
      play(world, 1 + ticks(RESULTS_DURATION, dt));
      seen.add(world.layout);
    }
    expect([...seen].sort()).toEqual(LAYOUTS.map((layout) => layout.name).sort());
  });
});

describe("bots", () => {
  it("move, aim at a visible enemy and fire", () => {
    const world = newWorld(FOUNDRY);
    addShip(world, "bot", { name: "Bot Vega", hue: 0, bot: true }, plainFactory, dt);
    place(world, "bot", 400, 70);
    place(world, "human", 800, 70);
    const decided = botControls(world, "bot", dt);
    expect(decided.fire).toBe(true);
    expect(decided.aimX).toBeGreaterThan(0);
    expect(Math.abs(decided.aimY)).toBeLessThan(decided.aimX / 4);
    expect(decided.moveX !== 0 || decided.moveY !== 0).toBe(true);
  });

  it("knock a standing target out within a few seconds", () => {
    const world = newWorld(FOUNDRY);
    addShip(world, "bot", { name: "Bot Vega", hue: 0, bot: true }, plainFactory, dt);
    place(world, "bot", 400, 120);
    const target = place(world, "target", 700, 120);
    let knockedOut = false;
    for (let i = 0; i < 10 * 30 && !knockedOut; i++) {
      const events = play(world, 1, (id) => (id === "bot" ? botControls(world, "bot", dt) : undefined));
      knockedOut = events.some((event) => event.type === "ko");
    }
    expect(knockedOut).toBe(true);
    expect(target.deaths).toBe(1);
  });
});

describe("bots are driven only through inputs", () => {
  it("replaying a bot's controls through the ship step retraces its path exactly", () => {
    const world = newWorld(FOUNDRY);
    world.pickups.clear(); // nothing but the bot's own controls may move it
    const bot = addShip(world, "bot", { name: "Bot Vega", hue: 0, bot: true }, plainFactory, dt);
    place(world, "bot", 400, 70);
    place(world, "idle", 900, 600);
    const replayed = { ...bot };
    const recorded: ShipControls[] = [];
    const path: number[] = [];
    for (let i = 0; i < 240; i++) {
      play(world, 1, (id) => {
        if (id !== "bot") return undefined;
        const decided = botControls(world, id, dt);
        recorded.push(decided);
        return decided;
      });
      path.push(bot.x, bot.y);
    }
    const replayedPath: number[] = [];
    for (const decided of recorded) {
      stepShip(replayed, decided, FOUNDRY, dt);
      replayedPath.push(replayed.x, replayed.y);
    }
    expect(replayedPath).toEqual(path);
    expect(new Set(path).size).toBeGreaterThan(50);
  });
});

describe("determinism", () => {
  it("replaying the same inputs for several ships gives identical states", () => {
    const record = (seed: number) =>
      Array.from({ length: 900 }, (_, i) => ({
        moveX: ((i * 37 + seed * 11) % 201) - 100,
        moveY: ((i * 53 + seed * 7) % 201) - 100,
        aimX: ((i * 91 + seed) % 2001) - 1000,
        aimY: ((i * 17 + seed * 3) % 2001) - 1000,
        fire: (i + seed) % 4 !== 0,
        dash: (i + seed) % 50 === 0,
      }));
    const recordings = new Map(["a", "b", "c", "d"].map((id, seed) => [id, record(seed)]));

    const replay = () => {
      const world = newWorld();
      for (const id of recordings.keys()) addShip(world, id, { name: id, hue: 0, bot: false }, plainFactory, dt);
      addShip(world, "bot", { name: "Bot Vega", hue: 0, bot: true }, plainFactory, dt);
      const events = play(world, 900, (id, tick) => (id === "bot" ? botControls(world, id, dt) : recordings.get(id)![tick]));
      return JSON.stringify({
        world: { ...world, ships: [...world.ships.entries()], bullets: [...world.bullets.entries()], pickups: [...world.pickups.entries()] },
        events,
      });
    };
    const first = replay();
    expect(replay()).toBe(first);
    expect(first).toContain('"type":"ko"');
  });
});
