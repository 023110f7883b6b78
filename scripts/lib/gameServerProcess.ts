// The real `npm start` entry (server/main.ts, with its Node flags) as a child
// process on 127.0.0.1 at a free port, for the hosting and browser tests and for
// the load, soak and bench scripts. Whoever starts it stops it.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { serverNodeFlags } from "../../server/nodeFlags.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const STARTUP_TIMEOUT_MS = 30_000;

export interface RunningGameServer {
  url: string;
  output: () => string;
  /** Sends SIGTERM (SIGKILL after 10 s) and resolves with the exit code. */
  stop: () => Promise<number | null>;
}

/** Starts the server with `env` added to this process's environment, in `cwd` (the project's folder by default). */
export async function startGameServer(env: Record<string, string> = {}, cwd = ROOT): Promise<RunningGameServer> {
  const child = spawn(process.execPath, [...serverNodeFlags(), join(ROOT, "server", "main.ts")], {
    cwd,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Game server did not start in time:\n${output}`)), STARTUP_TIMEOUT_MS);
    child.stdout!.on("data", () => {
      const match = /https?:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Game server exited with code ${code}:\n${output}`));
    });
  });

  return { url, output: () => output, stop: () => stopProcess(child) };
}

/** The figures GET /admin/metrics reports (server/metrics.ts), as the load and soak scripts read them. */
export interface ServerMetrics {
  cpuPercent: number;
  rssMB: number;
  rssPeakMB: number;
  stepMs: { p50: number; p99: number; samples: number };
  patchMs: { p50: number; p99: number; samples: number };
  steps: number;
  patches: number;
  rooms: number;
  clients: number;
}

/**
 * Starts the game server with its admin pages behind a throwaway password, and
 * reads its metrics (`reset` starts a new measuring window). For load and soak runs.
 */
export async function startMeteredGameServer(env: Record<string, string> = {}) {
  const password = randomBytes(12).toString("hex");
  const server = await startGameServer({ ...env, ADMIN_PASSWORD: password });
  const headers = { Authorization: `Basic ${Buffer.from(`admin:${password}`).toString("base64")}` };
  const metrics = async (reset = false): Promise<ServerMetrics> =>
    (await fetch(`${server.url}admin/metrics${reset ? "?reset" : ""}`, { headers })).json() as Promise<ServerMetrics>;
  return { ...server, metrics };
}

/** SIGTERM, then SIGKILL after 10 s; resolves with the exit code. */
export async function stopProcess(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  const [code] = await once(child, "exit");
  clearTimeout(timer);
  return code as number | null;
}
