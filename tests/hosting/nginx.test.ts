// The README's cluster, exercised as a host runs it: `npm run start:cluster` (two
// processes under PM2, sharing Redis) behind the nginx example on one port,
// players joining through it, and a clean stop. The example's ports are swapped
// for free ones.
import { CloseCode } from "@colyseus/shared-types";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { stopProcess } from "../../scripts/lib/gameServerProcess.ts";
import { freePort, startCluster, startRedis, type RunningCluster, type RunningRedis } from "../support/processes.ts";
import { waitFor } from "../kit/index.ts";

const EXAMPLE = join(import.meta.dirname, "..", "..", "server", "deploy", "nginx.conf");
let redis: RunningRedis;
let nginx: ChildProcess;
let proxyPort = 0;
let cluster: RunningCluster;
let ports: number[] = [];

beforeAll(async () => {
  redis = await startRedis();
  proxyPort = await freePort();
  cluster = await startCluster(2, { REDIS_URL: redis.url, PROXY_ADDRESS: `127.0.0.1:${proxyPort}`, BOTS: "0", TRUST_PROXY: "127.0.0.1" });
  ports = cluster.ports;
  nginx = await startNginx();
}, 60_000);
afterAll(async () => {
  if (nginx) await stopProcess(nginx);
  await cluster?.stop();
  await redis?.stop();
});

/** nginx in the foreground from a scratch folder, with the example config on our ports. */
async function startNginx(): Promise<ChildProcess> {
  const dir = mkdtempSync(join(tmpdir(), "skirmish-nginx-"));
  const site = readFileSync(EXAMPLE, "utf8")
    .replaceAll("2567", String(ports[0]))
    .replaceAll("2568", String(ports[1]))
    .replace("listen 8080;", `listen 127.0.0.1:${proxyPort};`);
  writeFileSync(join(dir, "skirmish.conf"), site);
  writeFileSync(
    join(dir, "nginx.conf"),
    `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n` +
      ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `  ${kind}_temp_path ${dir}/${kind};`).join("\n") +
      `\n  include ${dir}/skirmish.conf;\n}\n`,
  );
  const child = spawn("nginx", ["-p", dir, "-c", join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr!.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 10_000;
  while (
    !(await fetch(`http://127.0.0.1:${proxyPort}/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not come up:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return child;
}

describe("behind nginx", () => {
  it("serves pages and health through the proxy port", async () => {
    const response = await fetch(`http://127.0.0.1:${proxyPort}/health`);
    expect(await response.json()).toMatchObject({ status: "ok", redis: "ready" });
    expect((await fetch(`http://127.0.0.1:${proxyPort}/`)).status).toBe(200);
  });

  it("brings players on any process into the same arena over WebSockets routed by path", async () => {
    const proxy = `http://127.0.0.1:${proxyPort}`;
    const first = await ArenaConnection.join(proxy, "First");
    const second = await ArenaConnection.join(proxy, "Second");
    expect(second.code).toBe(first.code);
    expect(first.handshake.url).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${proxyPort}/(${ports.join("|")})/`));
    await waitFor(() => first.state.ships.size === 2 && second.state.ships.size === 2, "both players to see each other");
    await Promise.all([first.room.leave(), second.room.leave()]);
  });

  it("runs each process under PM2, and stops them all cleanly: players are told, PM2 exits 0", async () => {
    const player = await ArenaConnection.join(`http://127.0.0.1:${proxyPort}`, "Last");
    let closedWith = 0;
    player.room.onLeave((code) => (closedWith = code));
    expect(cluster.output()).toMatch(new RegExp(`skirmish-${ports[0]}.*online|App \\[skirmish-${ports[0]}:0\\] online`));
    expect(await cluster.stop()).toBe(0);
    await waitFor(() => closedWith === CloseCode.SERVER_SHUTDOWN, "the player to hear the server is shutting down");
    for (const port of ports) await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    expect(cluster.output()).toMatch(/PM2 successfully stopped/);
  });
});
