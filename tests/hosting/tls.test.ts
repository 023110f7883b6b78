// With TLS_CERT and TLS_KEY the one port speaks HTTPS and WSS, and only those.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGameServer, type RunningGameServer } from "../../scripts/lib/gameServerProcess.ts";
import { selfSignedCertificate } from "../support/processes.ts";

const certificate = selfSignedCertificate();
let server: RunningGameServer;

beforeAll(async () => {
  server = await startGameServer({ TLS_CERT: certificate.certFile, TLS_KEY: certificate.keyFile, BOTS: "0" });
});
afterAll(async () => {
  await server?.stop();
});

describe("TLS", () => {
  it("serves the rooms over wss:// to a client that trusts the certificate", () => {
    expect(server.url).toMatch(/^https:\/\//);
    const output = execFileSync(process.execPath, [join(import.meta.dirname, "..", "support", "joinOnce.ts"), server.url.replace("127.0.0.1", "localhost")], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: certificate.certFile },
      encoding: "utf8",
    });
    const result = JSON.parse(output.trim().split("\n").at(-1)!);
    expect(result.ok).toBe(true);
    expect(result.url).toMatch(/^wss:\/\/localhost:\d+\//);
    expect(result.code).toMatch(/^[A-Z2-9]{5}$/);
    // The server saw the upgrade arrive over TLS: the network panel says HTTPS was upgraded to wss.
    expect(result.secure).toBe(true);
    expect(result.requestLine).toMatch(/^GET \/\S+ HTTP\/1\.1$/);
  });

  it("serves the lesson page at /how over https://", async () => {
    const output = execFileSync(
      process.execPath,
      ["-e", `fetch(${JSON.stringify(`${server.url.replace("127.0.0.1", "localhost")}how`)}).then(async (r) => console.log(r.status, await r.text()))`],
      { env: { ...process.env, NODE_EXTRA_CA_CERTS: certificate.certFile }, encoding: "utf8" },
    );
    expect(output).toMatch(/^200 /);
    for (const point of ["persistent connection", "Both ways", "handshake", "Polling against pushing", "wss"]) expect(output).toContain(point);
  });

  it("serves pages and /health over https://", async () => {
    const output = execFileSync(
      process.execPath,
      ["-e", `fetch(${JSON.stringify(`${server.url.replace("127.0.0.1", "localhost")}health`)}).then(async (r) => console.log(r.status, await r.text()))`],
      {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: certificate.certFile },
        encoding: "utf8",
      },
    );
    expect(output).toMatch(/^200 .*"status":"ok"/);
  });

  it("does not speak plain http:// on that port", async () => {
    const plain = server.url.replace("https://", "http://");
    await expect(fetch(`${plain}health`, { signal: AbortSignal.timeout(5000) })).rejects.toThrow();
  });
});
