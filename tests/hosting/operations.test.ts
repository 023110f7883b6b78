// What a host sees: /health, the admin pages and Prometheus metrics behind a password, and a clean
// shutdown on SIGTERM that tells players instead of freezing their game.
import { CloseCode } from "@colyseus/shared-types";
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { gameClient, watchRoom } from "../../game/net/gameClient.ts";
import { runFrames, waitFor } from "../kit/index.ts";
import { openSeat, requestSeat, roomMessage } from "../support/rawClient.ts";
import { startGameServer } from "../../scripts/lib/gameServerProcess.ts";

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
      for (const page of ["admin/monitor", "admin/playground", "metrics"]) {
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
      for (const page of ["admin/monitor/", "admin/playground/", "metrics"]) {
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

describe("GET /metrics", () => {
  it("serves Prometheus metrics with the password: rooms, players, spectators, joins, refusals, kicks, traffic, step and patch times, event-loop lag", async () => {
    const server = await startGameServer({ BOTS: "0", ADMIN_PASSWORD: "hunter2" });
    const headers = { Authorization: `Basic ${Buffer.from("admin:hunter2").toString("base64")}` };
    try {
      const player = await ArenaConnection.join(server.url, "Counted");
      const watcher = await watchRoom(gameClient(server.url), player.code);
      // One refusal and one kick to count.
      expect(
        (await fetch(`${server.url}matchmake/joinOrCreate/arena`, { method: "POST", headers: { "content-type": "application/json" }, body: "[1]" })).status,
      ).toBe(400);
      const kicked = await openSeat(server.url, await requestSeat(server.url, "joinById", player.code));
      kicked.send(roomMessage("nope")); // before the join: refused and closed
      await kicked.closed;
      const stop = runFrames(player);
      await waitFor(() => player.meter.totals.inputs > 10 && player.meter.totals.patches > 10, "a few inputs up and patches down");
      stop();

      const response = await fetch(`${server.url}metrics`, { headers });
      expect(response.headers.get("content-type")).toContain("text/plain");
      const text = await response.text();
      const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}"]/g, "\\$&")} (\\S+)$`, "m").exec(text)?.[1]);
      expect(value("skirmish_rooms")).toBe(1);
      expect(value("skirmish_players")).toBe(1);
      expect(value("skirmish_spectators")).toBe(1);
      // Two players took a seat (the kicked one too); one is left in the room.
      expect(value('skirmish_joins_total{kind="player"}')).toBe(2);
      expect(value('skirmish_joins_total{kind="spectator"}')).toBe(1);
      expect(value('skirmish_join_refusals_total{reason="bad_options"}')).toBe(1);
      expect(value(`skirmish_kicks_total{code="${CloseCode.WITH_ERROR}"}`)).toBe(1);
      expect(value("skirmish_messages_in_total")).toBeGreaterThan(10);
      expect(value("skirmish_bytes_out_total")).toBeGreaterThan(1000);
      expect(value("skirmish_fixed_step_seconds_count")).toBeGreaterThan(10);
      expect(value("skirmish_patch_send_seconds_count")).toBeGreaterThan(10);
      expect(text).toMatch(/^nodejs_eventloop_lag_seconds \S+$/m);
      expect(text).toMatch(/^# TYPE skirmish_fixed_step_seconds histogram$/m);
      await Promise.all([player.room.leave(), watcher.leave()]);
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
    expect(closedWith).toBe(CloseCode.SERVER_SHUTDOWN); // the game shows "The server is shutting down."
    await expect(fetch(`${server.url}health`)).rejects.toThrow();
  });
});
