// `npm run loadtest -- --rooms R --clients C --seconds S [--no-decode]`: starts a
// game server in its own process, joins C headless @colyseus/sdk players spread over
// R rooms (quick play, rooms of C/R players), lets them play (move, aim at the
// nearest ship, fire) for S seconds, and prints one JSON report, last. Everything
// runs on 127.0.0.1. With --no-decode the players do not decode patches
// (scripts/lib/lightPlayer.ts): they send real inputs and count what arrives, so
// one machine can drive a thousand of them beside the server.
import { parseArgs } from "node:util";
import { ArenaConnection } from "../game/net/ArenaConnection.ts";
import { MOVE_AXIS_MAX, TICK_RATE } from "../shared/constants.ts";
import { NO_CONTROLS, type ShipControls } from "../shared/step.ts";
import { startMeteredGameServer } from "./lib/gameServerProcess.ts";
import { loadCounts } from "./lib/loadCounts.ts";
import { LightPlayer } from "./lib/lightPlayer.ts";

export interface LoadOptions {
  rooms: number;
  clients: number;
  seconds: number;
  /** Players that count patches without decoding them (LightPlayer). */
  noDecode?: boolean;
}

/** Players joining at once, while a load run fills its rooms. */
const JOIN_BATCH = 20;

/** Plays like a person who is not very good: drifts about, aims at the nearest ship, fires in bursts. */
function play(player: ArenaConnection, index: number, now: number): ShipControls {
  const own = player.predictedShip;
  const turn = Math.floor(now / 700 + index);
  const controls = { ...NO_CONTROLS, moveX: (((turn * 37) % 3) - 1) * MOVE_AXIS_MAX, moveY: (((turn * 53) % 3) - 1) * MOVE_AXIS_MAX };
  if (!own) return controls;
  let nearest: { x: number; y: number } | null = null;
  let best = Infinity;
  for (const view of player.ships()) {
    const distance = Math.hypot(view.x - own.x, view.y - own.y);
    if (!view.own && view.ship.alive && distance < best) [nearest, best] = [view, distance];
  }
  if (nearest) Object.assign(controls, { aimX: Math.round(nearest.x - own.x), aimY: Math.round(nearest.y - own.y), fire: turn % 3 !== 0 });
  return controls;
}

/** Runs one load scenario against a fresh server process and returns its report. */
export async function runLoad({ rooms, clients, seconds, noDecode = false }: LoadOptions) {
  const perRoom = Math.ceil(clients / rooms);
  // PROFILE_DIR=DIR: the server writes a CPU profile there as it stops (open it in Chrome's DevTools).
  const env: Record<string, string> = { MAX_PLAYERS: String(perRoom), BOTS: "0" };
  if (process.env.PROFILE_DIR) env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${process.env.PROFILE_DIR}`;
  const server = await startMeteredGameServer(env);
  const rssAtStart = (await server.metrics(true)).rssMB;

  const joinTimes: number[] = [];
  const players: Array<ArenaConnection | LightPlayer> = [];
  for (let first = 0; first < clients; first += JOIN_BATCH) {
    const batch = Array.from({ length: Math.min(JOIN_BATCH, clients - first) }, async (_, k) => {
      const i = first + k;
      const startedAt = performance.now();
      const player = noDecode ? await LightPlayer.join(server.url, `Load ${i + 1}`, i) : await ArenaConnection.join(server.url, `Load ${i + 1}`);
      joinTimes.push(performance.now() - startedAt);
      return player;
    });
    players.push(...(await Promise.all(batch)));
  }

  await server.metrics(true);
  const totalsFrom = players.map((player) => ({ ...player.meter.totals }));
  const downFrom = players.map((player) => new Map(player.meter.downBytesBy));
  const startedAt = performance.now();
  let stepsSent = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    if (noDecode) {
      // One input per fixed step, as a client's step loop sends them (a late timer catches up a few).
      const due = Math.min(Math.floor(((now - startedAt) / 1000) * TICK_RATE) - stepsSent, 4);
      for (let i = 0; i < due; i++) for (const player of players as LightPlayer[]) player.step();
      stepsSent += Math.max(0, due);
      return;
    }
    (players as ArenaConnection[]).forEach((player, index) => {
      const controls = play(player, index, now);
      player.update(now, () => controls);
    });
  }, 1000 / 60);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  clearInterval(timer);
  const elapsed = (performance.now() - startedAt) / 1000;
  const after = await server.metrics();

  const perClient = players.map((player, i) => ({
    down: player.meter.totals.downBytes - totalsFrom[i]!.downBytes,
    up: player.meter.totals.upBytes - totalsFrom[i]!.upBytes,
    patches: player.meter.totals.patches - totalsFrom[i]!.patches,
  }));
  // What the bytes down were, per client per second: patches, pings, and each message type.
  const downBy: Record<string, number> = {};
  players.forEach((player, i) => {
    for (const [what, bytes] of player.meter.downBytesBy) downBy[what] = (downBy[what] ?? 0) + bytes - (downFrom[i]!.get(what) ?? 0);
  });
  await Promise.all(players.map((player) => player.room.leave()));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const end = await server.metrics();
  await server.stop();

  const patchRates = perClient.map(({ patches }) => patches / elapsed);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const round1 = (value: number) => Math.round(value * 10) / 10;
  return {
    mode: noDecode ? "no-decode" : "decode",
    rooms: after.rooms,
    clientsConnected: after.clients,
    seconds: Math.round(elapsed),
    joinLatencyMs: { p50: percentile(joinTimes, 0.5), p99: percentile(joinTimes, 0.99) },
    patchesPerSecondReceived: { min: round1(Math.min(...patchRates)), p50: round1(percentile(patchRates, 0.5)) },
    downBytesPerSecond: {
      mean: Math.round(sum(perClient.map(({ down }) => down)) / clients / elapsed),
      by: Object.fromEntries(
        Object.entries(downBy)
          .filter(([, bytes]) => bytes > 0)
          .map(([what, bytes]) => [what, Math.round(bytes / clients / elapsed)]),
      ),
    },
    upBytesPerSecond: { mean: Math.round(sum(perClient.map(({ up }) => up)) / clients / elapsed) },
    stepMs: after.stepMs,
    serverCpuPercent: after.cpuPercent,
    server: {
      // Whether the rooms keep time: 30 ticks and 20 patches a second each, when they do.
      ticksPerSecondPerRoom: round1(after.steps / after.rooms / elapsed),
      patchesPerSecondPerRoom: round1(after.patches / after.rooms / elapsed),
      patchSendMs: after.patchMs,
      rssMB: { start: rssAtStart, peak: after.rssPeakMB, end: end.rssMB },
    },
  };
}

/** The value at quantile `q` of `values`. */
function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      rooms: { type: "string", default: "1" },
      clients: { type: "string", default: "16" },
      seconds: { type: "string", default: "20" },
      "no-decode": { type: "boolean", default: false },
    },
  });
  const counts = loadCounts(values, "npm run loadtest -- --rooms R --clients C --seconds S [--no-decode]");
  console.log(JSON.stringify(await runLoad({ ...counts, noDecode: values["no-decode"] }), null, 2));
  process.exit(0);
}
