// Two server processes sharing matchmaking through a real redis-server.
import { CloseCode } from "@colyseus/shared-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, type RoomAvailable } from "@colyseus/sdk";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { ROOM_CREATES_PER_MINUTE } from "../../shared/constants.ts";
import { requestSeat } from "../support/rawClient.ts";
import { startGameServer, type RunningGameServer } from "../../scripts/lib/gameServerProcess.ts";
import { freePort, startRedis, type RunningRedis } from "../support/processes.ts";
import { ticksPass, waitFor } from "../kit/index.ts";

let redis: RunningRedis;
const servers: Array<{ port: number; process: RunningGameServer }> = [];

beforeAll(async () => {
  redis = await startRedis();
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const process = await startGameServer({
      PORT: String(port),
      REDIS_URL: redis.url,
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      BOTS: "0",
      TRUST_PROXY: "127.0.0.1",
    });
    servers.push({ port, process });
  }
}, 60_000);
afterAll(async () => {
  for (const server of servers) expect(await server.process.stop()).toBe(0);
  await redis?.stop();
});

const endpoint = (i: number) => `http://127.0.0.1:${servers[i]!.port}`;
/** The process whose port the player's WebSocket went to: where its room lives. */
const hostOf = (player: ArenaConnection) => servers.findIndex((server) => player.handshake.url.includes(`:${server.port}/`));

describe("several processes through Redis", () => {
  it("report Redis as ready", async () => {
    for (let i = 0; i < 2; i++) expect(await (await fetch(`${endpoint(i)}/health`)).json()).toMatchObject({ status: "ok", redis: "ready" });
  });

  it("matchmake a player through one process into a room hosted by the other, and both see each other", async () => {
    const first = await ArenaConnection.join(endpoint(0), "First");
    const host = hostOf(first);
    expect(host).toBeGreaterThanOrEqual(0);
    const other = 1 - host;
    const second = await ArenaConnection.join(endpoint(other), "Second");
    expect(second.code).toBe(first.code);
    expect(hostOf(second)).toBe(host);
    await waitFor(() => first.state.ships.size === 2 && second.state.ships.size === 2, "both players to see each other");
    expect([...second.state.ships.values()].map((ship) => ship.name).sort()).toEqual(["First", "Second"]);
    await Promise.all([first.room.leave(), second.room.leave()]);
  });

  it("join a private room created on one process by its code through the other", async () => {
    const owner = await ArenaConnection.join(endpoint(0), "Owner", { kind: "create", private: true });
    const guest = await ArenaConnection.join(endpoint(1), "Guest", { kind: "code", code: owner.code });
    expect(guest.code).toBe(owner.code);
    expect(hostOf(guest)).toBe(hostOf(owner));
    await Promise.all([owner.room.leave(), guest.room.leave()]);
  });

  it("keep each round's replay where every process can list and serve it", async () => {
    const player = await ArenaConnection.join(endpoint(0), "Recorded", { kind: "create", private: false });
    const host = hostOf(player);
    await ticksPass(player.state, 45);
    // The last player leaving closes the room: its round, cut short, is kept.
    await player.room.leave();
    const other = endpoint(1 - host);
    let listed: Array<{ id: string; round: number; players: string[] }> = [];
    await expect
      .poll(
        async () => {
          listed = ((await (await fetch(`${other}/api/replays?room=${player.code}`)).json()) as { replays: typeof listed }).replays;
          return listed.length;
        },
        { message: "the replay listed on the other process", timeout: 10_000 },
      )
      .toBe(1);
    expect(listed[0]).toMatchObject({ round: 1, players: ["Recorded"] });
    const download = await fetch(`${other}/api/replays/${listed[0]!.id}`);
    expect(download.status).toBe(200);
    expect((await download.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });

  it("list the public rooms of both processes", async () => {
    const players: ArenaConnection[] = [];
    for (let i = 0; i < 4; i++) players.push(await ArenaConnection.join(endpoint(i % 2), `Host ${i}`, { kind: "create", private: false }));
    const hosts = new Set(players.map(hostOf));
    expect(hosts.size).toBe(2);
    const lobby = await new Client(endpoint(0)).joinOrCreate("lobby");
    const listed = new Set<string>();
    lobby.onMessage("rooms", (rooms: RoomAvailable[]) => {
      for (const room of rooms) listed.add(room.roomId);
    });
    lobby.onMessage("+", ([id]: [string, RoomAvailable]) => listed.add(id));
    await waitFor(() => players.every((player) => listed.has(player.code)), "every room in the list");
    await lobby.leave();
    await Promise.all(players.map((player) => player.room.leave()));
  });

  it("count an address's new rooms across the cluster, wherever each was asked for", async () => {
    // Through a trusted proxy (TRUST_PROXY), so this test has an address of its own.
    const headers = { "X-Forwarded-For": "203.0.113.77" };
    const created = [0, 0];
    let refusedBy: number[] = [];
    for (let i = 0; i < 2 * ROOM_CREATES_PER_MINUTE && refusedBy.length === 0; i++) {
      try {
        await requestSeat(endpoint(i % 2), "create", "arena", {}, headers);
        created[i % 2]!++;
      } catch (error) {
        refusedBy = [i % 2];
        expect(String(error)).toContain("429: Too many new rooms from your address");
      }
    }
    // Both processes took a share, and together they stopped at the limit.
    expect(created[0]! + created[1]!).toBe(ROOM_CREATES_PER_MINUTE);
    expect(Math.min(...created)).toBeGreaterThan(0);
    await expect(requestSeat(endpoint(1 - refusedBy[0]!), "create", "arena", {}, headers)).rejects.toThrow("429");
  });

  // Last: it stops one of the two processes.
  it("on SIGTERM, a process closes its rooms and takes their listings out of Redis", async () => {
    const player = await ArenaConnection.join(endpoint(0), "Leaver", { kind: "create", private: false });
    const host = hostOf(player);
    const other = 1 - host;
    let closedWith = 0;
    player.room.onLeave((code) => (closedWith = code));
    expect((await fetch(`${endpoint(other)}/api/rooms/${player.code}/scoreboard`)).status).toBe(200);
    expect(await servers[host]!.process.stop()).toBe(0);
    await waitFor(() => closedWith === CloseCode.SERVER_SHUTDOWN, "the player to be told");
    expect((await fetch(`${endpoint(other)}/api/rooms/${player.code}/scoreboard`)).status).toBe(404);
    const lobby = await new Client(endpoint(other)).joinOrCreate("lobby");
    let listed: string[] | null = null;
    lobby.onMessage("rooms", (rooms: RoomAvailable[]) => (listed = rooms.map((room) => room.roomId)));
    await waitFor(() => listed !== null, "the room list");
    expect(listed).not.toContain(player.code);
    await lobby.leave();
  });
});
