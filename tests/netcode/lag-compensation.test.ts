// Fair hits: a shooter who aims where it sees a moving target hits it, whatever its
// latency up to the rewind bound; without compensation, or past the bound, it misses.
import { describe, expect, it } from "vitest";
import type { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { MAX_REWIND_MS, MOVE_AXIS_MAX, PATCH_RATE, SHIP_HEALTH, SHIP_MAX_SPEED, TICK_RATE } from "../../shared/constants.ts";
import { NO_CONTROLS, type ShipControls } from "../../shared/step.ts";
import type { WorldEvent } from "../../shared/world.ts";
import { aimControls, arrange, leadPoint, playersInNewRoom, runFrames, useTestServer, waitFor } from "../kit/index.ts";

const SHOTS = 20;
// On Crossroads the strip right of the corner walls is open: the target sweeps up
// and down x = 1240 while the shooter stands at (1100, 360).
const SHOOTER = { x: 1100, y: 360 };
const TARGET_X = 1240;
const SWEEP = { top: 100, bottom: 620 };
/**
 * Shots are only fired while the target is seen crossing the middle of its sweep
 * straight and at full speed, as a player waits for a clean shot.
 */
const FIRE_WINDOW = { top: 250, bottom: 470, speeds: [0.9 * SHIP_MAX_SPEED, 1.1 * SHIP_MAX_SPEED], maxSideways: 0.1 * SHIP_MAX_SPEED };
/** Long enough for the target to recover its course after the knock-back of a hit. */
const FIRE_GAP_MS = 600;

interface Outcome {
  shots: number;
  hits: number;
}

/**
 * The target sweeps up and down at full speed, turning at the ends of its path. Not a kit
 * pilot: a hit knocks it sideways, and a pilot would steer back, out of the clean line
 * the shooter waits for; this one lets the drift be.
 */
function sweeping(target: ArenaConnection) {
  let direction = 1;
  return (): ShipControls => {
    const y = target.predictedShip?.y ?? 360;
    if (y > SWEEP.bottom) direction = -1;
    if (y < SWEEP.top) direction = 1;
    return { ...NO_CONTROLS, moveY: direction * MOVE_AXIS_MAX };
  };
}

/** How far back the shooter looks to judge the target's speed, as an eye does. */
const SPEED_WINDOW_MS = 150;

interface Sighting {
  at: number;
  x: number;
  y: number;
}

/** Where the target was seen last at or before `time`, and how fast it was seen moving then (px/s). */
function seenAt(sightings: Sighting[], time: number): Sighting & { vx: number; vy: number } {
  const recent = sightings.filter((sighting) => sighting.at <= time && sighting.at > time - SPEED_WINDOW_MS);
  const shown = recent.at(-1) ?? sightings[0]!;
  if (recent.length < 3) return { ...shown, vx: 0, vy: 0 };
  // The speed that best fits every recent sighting (least squares), not just two of them.
  const meanAt = recent.reduce((sum, sighting) => sum + sighting.at, 0) / recent.length;
  const slope = (value: (sighting: Sighting) => number) => {
    const mean = recent.reduce((sum, sighting) => sum + value(sighting), 0) / recent.length;
    let covariance = 0;
    let variance = 0;
    for (const sighting of recent) {
      covariance += (sighting.at - meanAt) * (value(sighting) - mean);
      variance += (sighting.at - meanAt) ** 2;
    }
    return variance > 0 ? (covariance / variance) * 1000 : 0;
  };
  return { ...shown, vx: slope((sighting) => sighting.x), vy: slope((sighting) => sighting.y) };
}

/**
 * Aims where its screen shows the target, led by the speed it is seen moving at,
 * and fires now and then. The view it reads was drawn for the previous frame (the
 * frame loop decides, then brings the view up to date): a sighting is dated then,
 * and carried forward to this frame, however long the machine took between them.
 */
function aimingAtWhatItSees(shooter: ArenaConnection, targetId: string, aimDelayMs = 0) {
  let lastShot = -Infinity;
  let viewDrawnAt: number | null = null;
  const seen: Sighting[] = [];
  return (now: number): ShipControls => {
    const view = shooter.ships().find((ship) => ship.id === targetId);
    const own = shooter.predictedShip;
    const drawnAt = viewDrawnAt;
    viewDrawnAt = now;
    if (!view || !own || drawnAt === null) return NO_CONTROLS;
    seen.push({ at: drawnAt, x: view.x, y: view.y });
    const aimedAt = now - aimDelayMs;
    while (seen.length > 2 && seen[1]!.at <= aimedAt - SPEED_WINDOW_MS) seen.shift();
    // A stale shooter aims at where the target was `aimDelayMs` ago on its screen.
    const sighting = seenAt(seen, aimedAt);
    const since = (aimedAt - sighting.at) / 1000;
    const target = { ...sighting, x: sighting.x + sighting.vx * since, y: sighting.y + sighting.vy * since };
    // Lead the target: where it will be when a bullet fired now gets there.
    const led = leadPoint(own, target);
    const [slowest, fastest] = FIRE_WINDOW.speeds;
    const inWindow =
      target.y > FIRE_WINDOW.top &&
      target.y < FIRE_WINDOW.bottom &&
      Math.abs(target.vy) > slowest! &&
      Math.abs(target.vy) < fastest! &&
      Math.abs(target.vx) < FIRE_WINDOW.maxSideways;
    const fire = inWindow && now - lastShot > FIRE_GAP_MS;
    if (fire) lastShot = now;
    return { ...NO_CONTROLS, ...aimControls(led.x - own.x, led.y - own.y), fire };
  };
}

async function duel(server: ReturnType<typeof useTestServer>, options: { rttMs: number; aimDelayMs?: number }): Promise<Outcome> {
  const { room, players } = await playersInNewRoom(server.colyseus, server.endpoint, ["Shooter", "Target"]);
  const [shooter, target] = players as [ArenaConnection, ArenaConnection];
  shooter.meter.simulate(options.rttMs, 0);
  arrange(room, shooter.sessionId, SHOOTER.x, SHOOTER.y);
  arrange(room, target.sessionId, TARGET_X, 360);
  const outcome: Outcome = { shots: 0, hits: 0 };
  room.onWorldEvents = (events: readonly WorldEvent[]) => {
    for (const event of events) {
      if (event.type === "shot" && event.shooter === shooter.sessionId) outcome.shots++;
      if (event.type === "hit" && event.shooter === shooter.sessionId) outcome.hits++;
    }
  };
  // Knock-outs are not what this test is about: the target is kept at full health.
  const targetShip = room.state.ships.get(target.sessionId)!;
  const heal = setInterval(() => (targetShip.health = SHIP_HEALTH), 1000 / TICK_RATE);
  const stopTarget = runFrames(target, sweeping(target));
  // Both clients' clocks and interpolation settle over a second of patches.
  const settled = shooter.meter.totals.patches + PATCH_RATE;
  await waitFor(() => shooter.meter.totals.patches >= settled, "a second of patches");
  const stopShooter = runFrames(shooter, aimingAtWhatItSees(shooter, target.sessionId, options.aimDelayMs));
  try {
    await waitFor(() => outcome.shots >= SHOTS, `${SHOTS} shots`, 30_000);
    await waitFor(() => room.state.bullets.size === 0, "the last bullets to land");
  } finally {
    stopShooter();
    stopTarget();
    clearInterval(heal);
    await Promise.all(players.map((player) => player.room.leave()));
  }
  return outcome;
}

const rate = ({ shots, hits }: Outcome) => hits / shots;

describe("lag compensation on", () => {
  const server = useTestServer({ lagCompensation: true });

  it("hits at least 95 % of well-aimed shots at 0, 100 and 250 ms round trip", async () => {
    const [at0, at100, at250] = (await Promise.all([0, 100, 250].map((rttMs) => duel(server, { rttMs })))) as [Outcome, Outcome, Outcome];
    console.log(`lag compensation on: hit rate ${[at0, at100, at250].map((o) => `${o.hits}/${o.shots}`).join(", ")} at 0, 100, 250 ms`);
    for (const outcome of [at0, at100, at250]) expect(rate(outcome)).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  it("misses targets seen longer ago than the rewind bound", async () => {
    const stale = await duel(server, { rttMs: 100, aimDelayMs: 500 });
    console.log(`aiming 500 ms behind, past the ${MAX_REWIND_MS} ms rewind bound: hit rate ${stale.hits}/${stale.shots}`);
    expect(rate(stale)).toBeLessThanOrEqual(0.3);
  }, 60_000);
});

describe("lag compensation off", () => {
  const server = useTestServer({ lagCompensation: false });

  it("misses far more of the same shots", async () => {
    const [at0, at250] = (await Promise.all([0, 250].map((rttMs) => duel(server, { rttMs })))) as [Outcome, Outcome];
    console.log(`lag compensation off: hit rate ${at0.hits}/${at0.shots} at 0 ms, ${at250.hits}/${at250.shots} at 250 ms`);
    expect(rate(at0)).toBeLessThanOrEqual(0.75);
    expect(rate(at250)).toBeLessThanOrEqual(0.3);
  }, 60_000);
});
