// `npm run measure:replays`: plays one whole round with headless players who aim
// with a "mouse" (their aim moves every step) at 100 ms round trip, alongside bots,
// then prints what its replay weighs per player-minute and how many such rounds
// the replay memory bound holds.
// PLAYERS=4 BOTS=8 ROUND_SECONDS=120 npm run measure:replays   (OUT=FILE also keeps the replay)
import { writeFile } from "node:fs/promises";
import { matchMaker } from "@colyseus/core";
import { ArenaConnection } from "../game/net/ArenaConnection.ts";
import { createGameServer, listenGameServer } from "../server/app.ts";
import { configFromEnv } from "../server/config.ts";
import type { ArenaRoom } from "../server/ArenaRoom.ts";
import type { ReplaySummary } from "../server/ReplayStore.ts";
import { readReplayFile } from "../server/replayFile.ts";
import { ReplaySimulation } from "../shared/replay/ReplaySimulation.ts";
import { hunter, runFrames } from "./lib/headlessPilot.ts";

const PLAYERS = Number(process.env.PLAYERS ?? 4);
const BOTS = Number(process.env.BOTS ?? 8);
const SECONDS = Number(process.env.ROUND_SECONDS ?? 120);
const MEMORY_MB = 64;

const server = createGameServer({
  ...configFromEnv({}),
  bots: BOTS,
  roundSeconds: SECONDS,
  koTarget: 1000,
  reconnectSeconds: 0,
  replayMemoryMB: MEMORY_MB,
});
const { port } = await listenGameServer(server, { trustProxy: [] }, 0, "127.0.0.1");
const endpoint = `http://127.0.0.1:${port}`;

const players: ArenaConnection[] = [await ArenaConnection.join(endpoint, "Player 1", { kind: "create", private: false })];
for (let i = 2; i <= PLAYERS; i++) players.push(await ArenaConnection.join(endpoint, `Player ${i}`, { kind: "code", code: players[0]!.code }));
const room = matchMaker.getLocalRoomById(players[0]!.code) as ArenaRoom;
const saved = new Promise<ReplaySummary>((resolve) => (room.recording.onSaved = resolve));

for (const player of players) player.meter.simulate(100, 10);
const stops = players.map((player) => runFrames(player, hunter(player)));

console.log(`Playing a ${SECONDS} s round: ${PLAYERS} players at 100 ms round trip, ${Math.max(0, BOTS - PLAYERS)} bots…`);
const summary = await saved;
for (const stop of stops) stop();
const file = new Uint8Array(await (await fetch(`${endpoint}/api/replays/${summary.id}`)).arrayBuffer());
if (process.env.OUT) await writeFile(process.env.OUT, file);
const replay = readReplayFile(file);
const simulation = new ReplaySimulation(replay);
const startedAt = performance.now();
const mismatch = simulation.run();
const simulatedMs = performance.now() - startedAt;
const playerMinutes = simulation.playerTicks / replay.tickRate / 60;

const perRound = file.length;
console.table({
  replay: {
    "file bytes": perRound,
    "player-minutes": Number(playerMinutes.toFixed(2)),
    "KB per player-minute": Number((perRound / 1024 / playerMinutes).toFixed(2)),
    "checksums matched": mismatch ? `no (tick ${mismatch.tick})` : `${simulation.checked} of ${replay.checksums.length}`,
    "re-simulated in ms": Math.round(simulatedMs),
  },
});
console.log(
  `Memory bound: REPLAY_MEMORY_MB=${MEMORY_MB} keeps about ${Math.floor((MEMORY_MB * 1024 * 1024) / (Math.ceil(perRound / 3) * 4 + 250))} rounds like this one ` +
    `(each held as base64 plus its summary); the oldest go first.`,
);
await Promise.all(players.map((player) => player.room.leave()));
await server.gracefullyShutdown(false);
process.exit(0);
