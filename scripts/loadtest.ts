// `npm run loadtest -- --rooms R --clients C --seconds S`: starts a game server in
// its own process, joins C headless @colyseus/sdk players spread over R rooms
// (quick play, rooms of C/R players), lets them play (move, aim at the nearest
// ship, fire) for S seconds, and prints one JSON report. Everything runs on 127.0.0.1.
import { parseArgs } from "node:util";
import { ArenaConnection } from "../game/net/ArenaConnection.ts";
import { MOVE_AXIS_MAX } from "../shared/constants.ts";
import { NO_CONTROLS, type ShipControls } from "../shared/step.ts";
import { startMeteredGameServer } from "./lib/gameServerProcess.ts";

export interface LoadOptions {
  rooms: number;
  clients: number;
  seconds: number;
}

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
export async function runLoad({ rooms, clients, seconds }: LoadOptions) {
  const perRoom = Math.ceil(clients / rooms);
  const server = await startMeteredGameServer({ MAX_PLAYERS: String(perRoom), BOTS: "0" });
  const rssAtStart = (await server.metrics(true)).rssMB;

  const joinTimes: number[] = [];
  const players: ArenaConnection[] = [];
  for (let i = 0; i < clients; i++) {
    const startedAt = performance.now();
    players.push(await ArenaConnection.join(server.url, `Load ${i + 1}`));
    joinTimes.push(performance.now() - startedAt);
  }

  await server.metrics(true);
  const totalsFrom = players.map((player) => ({ ...player.meter.totals }));
  const startedAt = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    players.forEach((player, index) => {
      const controls = play(player, index, now);
      player.update(now, () => controls);
    });
  }, 1000 / 60);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  clearInterval(timer);
  const elapsed = (performance.now() - startedAt) / 1000;
  const after = await server.metrics();

  let down = 0;
  let up = 0;
  let patches = 0;
  players.forEach((player, i) => {
    down += player.meter.totals.downBytes - totalsFrom[i]!.downBytes;
    up += player.meter.totals.upBytes - totalsFrom[i]!.upBytes;
    patches += player.meter.totals.patches - totalsFrom[i]!.patches;
  });
  await Promise.all(players.map((player) => player.room.leave()));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const end = await server.metrics();
  await server.stop();

  joinTimes.sort((a, b) => a - b);
  const percentile = (q: number) => Math.round(joinTimes[Math.min(joinTimes.length - 1, Math.floor(q * joinTimes.length))]!);
  return {
    rooms: after.rooms,
    clientsConnected: after.clients,
    seconds: Math.round(elapsed),
    joinLatencyMs: { p50: percentile(0.5), p99: percentile(0.99) },
    perClient: {
      downBytesPerSecond: Math.round(down / clients / elapsed),
      upBytesPerSecond: Math.round(up / clients / elapsed),
      patchesPerSecond: Math.round((patches / clients / elapsed) * 10) / 10,
    },
    server: {
      cpuPercent: after.cpuPercent,
      // Whether the rooms keep time: 30 ticks and 20 patches a second each, when they do.
      ticksPerSecondPerRoom: Math.round((after.steps / after.rooms / elapsed) * 10) / 10,
      patchesPerSecondPerRoom: Math.round((after.patches / after.rooms / elapsed) * 10) / 10,
      fixedStepMs: after.stepMs,
      patchSendMs: after.patchMs,
      rssMB: { start: rssAtStart, peak: after.rssPeakMB, end: end.rssMB },
    },
  };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { rooms: { type: "string", default: "1" }, clients: { type: "string", default: "16" }, seconds: { type: "string", default: "20" } },
  });
  const options = { rooms: Number(values.rooms), clients: Number(values.clients), seconds: Number(values.seconds) };
  if (!Object.values(options).every((n) => Number.isInteger(n) && n > 0) || options.clients < options.rooms) {
    console.error("usage: npm run loadtest -- --rooms R --clients C --seconds S (whole numbers, C >= R)");
    process.exit(1);
  }
  console.log(JSON.stringify(await runLoad(options), null, 2));
  process.exit(0);
}
