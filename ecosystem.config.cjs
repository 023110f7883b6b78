// PM2 ecosystem for `npm run start:cluster`: several game server processes on
// consecutive ports that share matchmaking through one Redis. PM2 starts them,
// restarts one that crashes, stops them cleanly (SIGINT, then up to 10 s for the
// rooms to close) and prefixes their logs with the process name.
//
// Settings (environment): CLUSTER_PROCESSES (default: one per core), PORT (the
// first port, default 2567), REDIS_URL (default redis://127.0.0.1:6379), and how
// clients reach each process: PUBLIC_HOST:port (default: this machine's LAN
// address), or, behind the nginx example (server/deploy/nginx.conf), PROXY_ADDRESS/port.
// Every other variable (TICK_RATE, ADMIN_PASSWORD, TRUST_PROXY, ...) passes through.
const { availableParallelism, networkInterfaces } = require("node:os");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const count = whole("CLUSTER_PROCESSES", availableParallelism(), 1, 64);
const firstPort = whole("PORT", 2567, 1, 65535 - count);
const proxyAddress = process.env.PROXY_ADDRESS;
const publicHost = process.env.PUBLIC_HOST || lanAddress() || "localhost";
// The Node flags `npm start` uses (package.json), so every process runs the same way.
const manifest = JSON.parse(readFileSync(join(__dirname, "package.json"), "utf8"));
const nodeFlags = manifest.scripts.start.split(/\s+/).filter((word) => word.startsWith("--"));

module.exports = {
  apps: Array.from({ length: count }, (_, i) => {
    const port = firstPort + i;
    return {
      name: `skirmish-${port}`,
      script: join(__dirname, "server", "main.ts"),
      // The Node that runs PM2 (the project's Node 22 under npm), not whatever PM2 infers from ".ts".
      interpreter: process.execPath,
      node_args: nodeFlags,
      exec_mode: "fork",
      env: {
        PORT: String(port),
        REDIS_URL: process.env.REDIS_URL || "redis://127.0.0.1:6379",
        PUBLIC_ADDRESS: proxyAddress ? `${proxyAddress}/${port}` : `${publicHost}:${port}`,
      },
      kill_timeout: 10_000,
      max_restarts: 10,
      // Every log line carries its own time (server/log.ts).
      time: false,
    };
  }),
};

function whole(name, fallback, min, max) {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function lanAddress() {
  return Object.values(networkInterfaces())
    .flat()
    .find((net) => net && net.family === "IPv4" && !net.internal)?.address;
}
