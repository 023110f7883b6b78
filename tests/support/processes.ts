// Real processes for hosting tests: free ports, a throwaway TLS certificate, a
// Redis server, the PM2 cluster. Everything binds 127.0.0.1 and is stopped by the
// test that started it.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stopProcess } from "../../scripts/lib/gameServerProcess.ts";

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, "close");
  return port;
}

/** A self-signed certificate for localhost and 127.0.0.1, made with openssl in a temporary folder. */
export function selfSignedCertificate(): { certFile: string; keyFile: string } {
  const dir = mkdtempSync(join(tmpdir(), "skirmish-tls-"));
  const certFile = join(dir, "cert.pem");
  const keyFile = join(dir, "key.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-keyout",
      keyFile,
      "-out",
      certFile,
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  return { certFile, keyFile };
}

export interface RunningRedis {
  url: string;
  stop(): Promise<number | null>;
}

/** A private redis-server on a free loopback port, keeping nothing on disk. */
export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    child.stdout!.on("data", () => {
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopProcess(child) };
}

export interface RunningCluster {
  ports: number[];
  output: () => string;
  /** SIGTERM to PM2, which stops every process cleanly; resolves with PM2's exit code. */
  stop: () => Promise<number | null>;
}

const ROOT = join(import.meta.dirname, "..", "..");

/**
 * `npm run start:cluster` as the README runs it: PM2 (pm2-runtime, in the
 * foreground) with the ecosystem file, `count` processes on consecutive free
 * ports, PM2's state in a temporary folder. Resolves once every process is healthy.
 */
export async function startCluster(count: number, env: Record<string, string>): Promise<RunningCluster> {
  const firstPort = await consecutiveFreePorts(count);
  const ports = Array.from({ length: count }, (_, i) => firstPort + i);
  const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  // The script builds the client, then runs PM2; the tests have built it already.
  const [command, ...args] = manifest.scripts["start:cluster"]!.split("&&").pop()!.trim().split(/\s+/);
  const child = spawn(process.execPath, [join(ROOT, "node_modules", ".bin", command!), ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      PM2_HOME: mkdtempSync(join(tmpdir(), "skirmish-pm2-")),
      PORT: String(firstPort),
      HOST: "127.0.0.1",
      CLUSTER_PROCESSES: String(count),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  for (const port of ports) {
    while (
      !(await fetch(`http://127.0.0.1:${port}/health`).then(
        (response) => response.ok,
        () => false,
      ))
    ) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`the PM2 cluster did not come up:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { ports, output: () => output, stop: () => stopProcess(child) };
}

async function consecutiveFreePorts(count: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const first = await freePort();
    const taken = await Promise.all(Array.from({ length: count - 1 }, (_, i) => portTaken(first + i + 1)));
    if (!taken.includes(true)) return first;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

async function portTaken(port: number): Promise<boolean> {
  const probe = createServer();
  // Not events.once: its "listening" promise rejects on the very error that answers the question.
  const taken = await new Promise<boolean>((resolve) => {
    probe.once("error", () => resolve(true));
    probe.once("listening", () => resolve(false));
    probe.listen(port, "127.0.0.1");
  });
  if (!taken) {
    probe.close();
    await once(probe, "close");
  }
  return taken;
}
