// `npm run start:cluster`: several game server processes on consecutive ports that
// share matchmaking through one Redis (REDIS_URL, default redis://127.0.0.1:6379).
// CLUSTER_PROCESSES (default 2) sets how many. Each process gets a PUBLIC_ADDRESS
// clients can reach it on: PUBLIC_HOST:port (default: this machine's LAN address),
// or, behind a reverse proxy that routes /<port>/ to each process (see README),
// PROXY_ADDRESS/<port>.
import { spawn, type ChildProcess } from "node:child_process";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { ensureClientBuilt, ROOT } from "../server/clientBuild.ts";
import { serverNodeFlags } from "../server/nodeFlags.ts";

const count = Number(process.env.CLUSTER_PROCESSES ?? 2);
const firstPort = Number(process.env.PORT ?? 2567);
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const proxyAddress = process.env.PROXY_ADDRESS;
const publicHost = process.env.PUBLIC_HOST ?? lanAddress() ?? "localhost";

if (!Number.isInteger(count) || count < 1 || count > 32) {
  console.error(`CLUSTER_PROCESSES must be a whole number from 1 to 32 (got "${process.env.CLUSTER_PROCESSES}")`);
  process.exit(1);
}

// Build once here, rather than in every process at the same time.
await ensureClientBuilt();
const children: ChildProcess[] = [];
for (let i = 0; i < count; i++) {
  const port = firstPort + i;
  const publicAddress = proxyAddress ? `${proxyAddress}/${port}` : `${publicHost}:${port}`;
  const child = spawn(process.execPath, [...serverNodeFlags(), join(ROOT, "server", "main.ts")], {
    env: { ...process.env, PORT: String(port), REDIS_URL: redisUrl, PUBLIC_ADDRESS: publicAddress },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean)) console.log(`[${port}] ${line}`);
    });
  }
  child.on("exit", (code) => {
    console.log(`[${port}] exited with ${code}`);
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(0);
  });
  children.push(child);
}

// Pass Ctrl+C and SIGTERM on, so every process shuts its rooms down cleanly.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => children.forEach((child) => child.kill(signal)));
}

function lanAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((net) => net && net.family === "IPv4" && !net.internal)?.address;
}
