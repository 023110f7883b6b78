// What a host sees: /health, the admin pages behind a password, and a clean
// shutdown on SIGTERM that tells players instead of freezing their game.
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/connection.ts";
import { startGameServer } from "../support/gameServer.ts";
import { waitFor } from "../support/testServer.ts";

describe("GET /health", () => {
  it("reports uptime, rooms, clients and that Redis is not in use", async () => {
    const server = await startGameServer({ BOTS: "0" });
    try {
      const player = await ArenaConnection.join(server.url, "Counted");
      const health = await (await fetch(`${server.url}health`)).json();
      expect(health).toMatchObject({ status: "ok", rooms: 1, clients: 1, redis: "not used" });
      expect(health.uptimeSeconds).toBeGreaterThanOrEqual(0);
      await player.room.leave();
    } finally {
      await server.stop();
    }
  });
});

describe("admin pages in production", () => {
  it("are absent without ADMIN_PASSWORD", async () => {
    const server = await startGameServer({ BOTS: "0" });
    try {
      for (const page of ["admin/monitor", "admin/playground"]) {
        expect((await fetch(`${server.url}${page}`)).status, page).toBe(404);
      }
    } finally {
      await server.stop();
    }
  });

  it("answer 401 without the password and 200 with it", async () => {
    const server = await startGameServer({ BOTS: "0", ADMIN_PASSWORD: "hunter2" });
    const credentials = (password: string) => ({ Authorization: `Basic ${Buffer.from(`admin:${password}`).toString("base64")}` });
    try {
      for (const page of ["admin/monitor/", "admin/playground/"]) {
        const anonymous = await fetch(`${server.url}${page}`);
        expect(anonymous.status, page).toBe(401);
        expect(anonymous.headers.get("www-authenticate")).toContain("Basic");
        expect((await fetch(`${server.url}${page}`, { headers: credentials("wrong") })).status, page).toBe(401);
        expect((await fetch(`${server.url}${page}`, { headers: credentials("hunter2") })).status, page).toBe(200);
      }
    } finally {
      await server.stop();
    }
  });
});

describe("SIGTERM", () => {
  it("tells connected players the server is going down, closes the rooms and exits 0 promptly", async () => {
    const server = await startGameServer({ BOTS: "1" });
    const player = await ArenaConnection.join(server.url, "Last");
    let closedWith: number | null = null;
    player.room.onLeave((code) => (closedWith = code));
    const startedAt = Date.now();
    const exitCode = await server.stop();
    expect(exitCode).toBe(0);
    expect(Date.now() - startedAt).toBeLessThan(5000);
    await waitFor(() => closedWith !== null, "the player to hear about it");
    expect(closedWith).toBe(4001); // CloseCode.SERVER_SHUTDOWN: the game shows "The server is shutting down."
    await expect(fetch(`${server.url}health`)).rejects.toThrow();
  });
});
