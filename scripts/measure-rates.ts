// `npm run measure:rates`: plays the same fight at several tick and patch rates and
// prints what each costs and how faithfully a player sees the other ships, to
// choose TICK_RATE and PATCH_RATE by measurement. One headless player watches
// seven bots fight for a few seconds per setting, over a simulated link with jitter.
import { matchMaker } from "@colyseus/core";
import { ArenaConnection } from "../game/net/ArenaConnection.ts";
import { createGameServer, listenGameServer } from "../server/app.ts";
import { configFromEnv } from "../server/config.ts";
import type { ArenaRoom } from "../server/ArenaRoom.ts";
import { INTERPOLATION_DELAY_MS } from "../shared/constants.ts";
import { NO_CONTROLS } from "../shared/step.ts";

const SECONDS = Number(process.env.SECONDS ?? 8);
const RTT_MS = 100;
const JITTER_MS = 30;
const SETTINGS = [
  { tickRate: 30, patchRate: 10 },
  { tickRate: 30, patchRate: 15 },
  { tickRate: 30, patchRate: 20 },
  { tickRate: 30, patchRate: 30 },
  { tickRate: 60, patchRate: 20 },
  { tickRate: 60, patchRate: 30 },
];
/** Jumps larger than this are respawns, not motion. */
const RESPAWN_ERROR_PX = 100;

interface Sample {
  at: number;
  x: number;
  y: number;
}

async function measure(tickRate: number, patchRate: number) {
  const server = createGameServer({ ...configFromEnv({}), tickRate, patchRate, bots: 8, reconnectSeconds: 0 });
  const { port } = await listenGameServer(server, { trustProxy: [] }, 0, "127.0.0.1");
  const player = await ArenaConnection.join(`http://127.0.0.1:${port}`, "Observer");
  player.meter.simulate(RTT_MS, JITTER_MS);

  // Where every ship really was, tick by tick, on the server's clock.
  const room = matchMaker.getLocalRoomById(player.room.roomId) as ArenaRoom;
  const truth = new Map<string, Sample[]>();
  room.onWorldEvents = () => {
    for (const [id, ship] of room.state.ships.entries()) {
      const samples = truth.get(id) ?? [];
      samples.push({ at: room.clock.elapsedTime, x: ship.x, y: ship.y });
      truth.set(id, samples);
    }
  };

  const errors: number[] = [];
  let measuring = false;
  const timer = setInterval(() => {
    const now = performance.now();
    player.update(now, () => NO_CONTROLS);
    if (!measuring) return;
    // The instant the client draws other ships at, as the SDK's interpolation computes it.
    const clock = player.room.clock;
    const shownAt = clock.serverNow() - INTERPOLATION_DELAY_MS - clock.smoothedRtt() / 2;
    for (const view of player.ships()) {
      if (view.own || !view.ship.alive) continue;
      const actual = positionAt(truth.get(view.id) ?? [], shownAt);
      if (actual) {
        const error = Math.hypot(view.x - actual.x, view.y - actual.y);
        if (error < RESPAWN_ERROR_PX) errors.push(error);
      }
    }
  }, 1000 / 60);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const framesBefore = player.meter.frames.length;
  const startedAt = performance.now();
  measuring = true;
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  measuring = false;
  const seconds = (performance.now() - startedAt) / 1000;
  let down = 0;
  let up = 0;
  for (const frame of player.meter.frames.slice(Math.max(0, framesBefore - (player.meter.frames.length - framesBefore)))) {
    if (frame.at < startedAt) continue;
    if (frame.direction === "down") down += frame.bytes;
    else up += frame.bytes;
  }
  clearInterval(timer);
  await player.room.leave();
  await server.gracefullyShutdown(false);
  errors.sort((a, b) => a - b);
  return {
    tickRate,
    patchRate,
    "down KB/s": round(down / seconds / 1024, 2),
    "up B/s": Math.round(up / seconds),
    "remote error mean px": round(errors.reduce((sum, e) => sum + e, 0) / errors.length, 1),
    "remote error p95 px": round(errors[Math.floor(errors.length * 0.95)] ?? 0, 1),
  };
}

function positionAt(samples: readonly Sample[], at: number): { x: number; y: number } | null {
  for (let i = samples.length - 1; i > 0; i--) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    if (a.at <= at && at <= b.at) {
      const t = b.at === a.at ? 0 : (at - a.at) / (b.at - a.at);
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
  }
  return null;
}

function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

console.log(
  `${SECONDS} s per setting: 1 player watching 7 bots fight, ${RTT_MS} ms RTT ± ${JITTER_MS} ms jitter, ` +
    `${INTERPOLATION_DELAY_MS} ms interpolation. Remote error: distance between where the player sees a ship and where it was.`,
);
const results = [];
for (const { tickRate, patchRate } of SETTINGS) results.push(await measure(tickRate, patchRate));
console.table(results);
process.exit(0);
