// `npm run loadtest:floor -- --rooms R --clients C --seconds S`: what the load
// test's traffic alone costs a server on this machine, with no game, no framework
// and no state behind it. A bare `ws` server (the library and options the game's
// transport uses, started with the game server's Node flags, in its own process)
// sends each of C raw WebSocket clients, in rooms of C/R, a patch-sized frame 20
// times a second, and reads an input-sized frame from each 30 times a second, as
// `npm run loadtest -- --no-decode` does. Whatever the real server needs beyond
// this floor is the game's and the framework's. Prints one JSON report, last.
import { fork } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { WebSocket, WebSocketServer } from "ws";
import { PATCH_RATE, TICK_RATE } from "../shared/constants.ts";
import { serverNodeFlags } from "../server/nodeFlags.ts";
import { SteadyTimer } from "../server/SteadyTimer.ts";
import { stopProcess } from "./lib/gameServerProcess.ts";
import { type LoadCounts, loadCounts } from "./lib/loadCounts.ts";

/** About what a patch to a room of 8, and an input, weigh in the no-decode load test (94–112 and 9 bytes a frame's payload). */
const PATCH_BYTES = 100;
const INPUT_BYTES = 9;
/** Traffic starts this long before the measuring window, so that every timer has settled into its beat. */
const WARM_UP_MS = 3000;

/** What the server process tells: first its port, then, each time it is asked, its CPU so far and when. */
type Listening = { port: number };
type CpuSample = { cpuMicros: number; systemMicros: number; at: number };

/** The server's side: one patch timer per room, each the game rooms' own kind. */
function serveFloor(perRoom: number): void {
  const http = createServer();
  const sockets = new WebSocketServer({ server: http, perMessageDeflate: false });
  const rooms: WebSocket[][] = [];
  let joined = 0;
  sockets.on("connection", (socket) => {
    const index = Math.floor(joined++ / perRoom);
    if (!rooms[index]) {
      const room: WebSocket[] = [];
      rooms[index] = room;
      new SteadyTimer(1000 / PATCH_RATE, () => sendPatch(room));
    }
    rooms[index].push(socket);
  });
  const patch = Buffer.alloc(PATCH_BYTES, 1);
  const sendPatch = (room: WebSocket[]) => {
    for (const socket of room) socket.send(patch, { binary: true });
  };
  process.on("message", () => {
    const cpu = process.cpuUsage();
    process.send!({ cpuMicros: cpu.user + cpu.system, systemMicros: cpu.system, at: performance.now() } satisfies CpuSample);
  });
  http.listen(0, "127.0.0.1", () => process.send!({ port: (http.address() as AddressInfo).port } satisfies Listening));
}

async function measureFloor({ rooms, clients, seconds }: LoadCounts) {
  const perRoom = Math.ceil(clients / rooms);
  const server = fork(import.meta.filename, ["--serve", String(perRoom)], { execArgv: serverNodeFlags() });
  const reply = async <T extends Listening | CpuSample>() => (await once(server, "message"))[0] as T;
  const { port } = await reply<Listening>();
  const received: number[] = new Array(clients).fill(0);
  const players: WebSocket[] = [];
  // One at a time, so that the server's rooms fill in order.
  for (let i = 0; i < clients; i++) {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false });
    socket.on("message", () => received[i]!++);
    await once(socket, "open");
    players.push(socket);
  }
  const input = Buffer.alloc(INPUT_BYTES, 1);
  const inputs = new SteadyTimer(1000 / TICK_RATE, () => {
    for (const socket of players) socket.send(input, { binary: true });
  });
  await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));

  const sample = async () => {
    server.send("sample");
    return { server: await reply<CpuSample>(), players: process.cpuUsage(), received: [...received] };
  };
  const from = await sample();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const to = await sample();
  inputs.stop();
  for (const socket of players) socket.terminate();
  await stopProcess(server);

  const elapsed = (to.server.at - from.server.at) / 1000;
  const percentOfCore = (micros: number) => Math.round((micros / 1e4 / elapsed) * 10) / 10;
  const rates = to.received.map((count, i) => (count - from.received[i]!) / elapsed).sort((a, b) => a - b);
  const playersCpu = process.cpuUsage(from.players);
  return {
    mode: "transport floor",
    rooms,
    clients,
    seconds: Math.round(elapsed),
    patchBytes: PATCH_BYTES,
    inputBytes: INPUT_BYTES,
    patchesPerSecondReceived: { min: Math.round(rates[0]! * 10) / 10, p50: Math.round(rates[rates.length >> 1]! * 10) / 10 },
    serverCpuPercent: percentOfCore(to.server.cpuMicros - from.server.cpuMicros),
    serverSystemCpuPercent: percentOfCore(to.server.systemMicros - from.server.systemMicros),
    playersCpuPercent: percentOfCore(playersCpu.user + playersCpu.system),
  };
}

const { values } = parseArgs({
  options: {
    rooms: { type: "string", default: "125" },
    clients: { type: "string", default: "1000" },
    seconds: { type: "string", default: "20" },
    serve: { type: "string" },
  },
});
if (values.serve) serveFloor(Number(values.serve));
else {
  const counts = loadCounts(values, "npm run loadtest:floor -- --rooms R --clients C --seconds S");
  console.log(JSON.stringify(await measureFloor(counts), null, 2));
  process.exit(0);
}
