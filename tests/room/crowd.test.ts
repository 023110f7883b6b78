// Crowds, all at once rather than one after another: a rush on Quick Play seats
// everyone (another room opens as each fills), a rush on one code fills that room
// and tells the rest it is full, and spectators have seats of their own.
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { gameClient, watchRoom } from "../../game/net/gameClient.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { MAX_PLAYERS, SPECTATOR_SLOTS } from "../../shared/constants.ts";
import { useTestServer } from "../kit/index.ts";

const server = useTestServer();

function settled<T>(joins: Array<Promise<T>>) {
  return Promise.allSettled(joins).then((results) => ({
    joined: results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : [])),
    refused: results.flatMap((result) => (result.status === "rejected" ? [String(result.reason?.message ?? result.reason)] : [])),
  }));
}

/** Players per room, as the server counts them (ships of humans). */
function seatsByRoom(players: ArenaConnection[]): Map<string, number> {
  const rooms = new Map<string, number>();
  for (const player of players) rooms.set(player.code, (rooms.get(player.code) ?? 0) + 1);
  for (const [code, count] of rooms) {
    const room = server.colyseus.getRoomById<ArenaRoom>(code);
    expect([...room.state.ships.values()].filter((ship) => !ship.bot)).toHaveLength(count);
  }
  return rooms;
}

async function leaveAll(players: ArenaConnection[]): Promise<void> {
  await Promise.all(players.map((player) => player.room.leave()));
}

describe("a rush on Quick Play", () => {
  it("seats 60 players who press it at once, in rooms of at most 16", async () => {
    const { joined, refused } = await settled(Array.from({ length: 60 }, (_, i) => ArenaConnection.join(server.endpoint, `Rush ${i}`)));
    expect(refused).toEqual([]);
    expect(joined).toHaveLength(60);
    const rooms = seatsByRoom(joined);
    expect(Math.max(...rooms.values())).toBeLessThanOrEqual(MAX_PLAYERS);
    expect(rooms.size).toBe(Math.ceil(60 / MAX_PLAYERS));
    await leaveAll(joined);
  }, 60_000);

  it(`seats ${MAX_PLAYERS + 1} at once on an empty server: one full room and one more`, async () => {
    const { joined, refused } = await settled(Array.from({ length: MAX_PLAYERS + 1 }, (_, i) => ArenaConnection.join(server.endpoint, `Wave ${i}`)));
    expect(refused).toEqual([]);
    expect([...seatsByRoom(joined).values()].sort((a, b) => b - a)).toEqual([MAX_PLAYERS, 1]);
    await leaveAll(joined);
  }, 30_000);
});

describe("a rush on one room code", () => {
  it("fills the room and tells each player who does not fit that it is full", async () => {
    const host = await ArenaConnection.join(server.endpoint, "Host", { kind: "create", private: false });
    const { joined, refused } = await settled(
      Array.from({ length: MAX_PLAYERS + 4 }, (_, i) => ArenaConnection.join(server.endpoint, `Guest ${i}`, { kind: "code", code: host.code })),
    );
    expect(joined).toHaveLength(MAX_PLAYERS - 1);
    expect(refused).toEqual(Array.from({ length: 5 }, () => `Room ${host.code} is full.`));
    expect(seatsByRoom([host, ...joined]).get(host.code)).toBe(MAX_PLAYERS);
    await leaveAll([host, ...joined]);
  }, 30_000);
});

describe("spectators", () => {
  const watch = (code: string) => watchRoom(gameClient(server.endpoint), code);

  it("have seats of their own: a crowd of them neither locks a room nor takes a player's seat", async () => {
    const host = await ArenaConnection.join(server.endpoint, "Host");
    const { joined: watchers, refused } = await settled(Array.from({ length: 20 }, () => watch(host.code)));
    expect(watchers).toHaveLength(SPECTATOR_SLOTS);
    expect(refused).toHaveLength(20 - SPECTATOR_SLOTS);
    // The room still takes players: by code, and through quick play.
    const byCode = await ArenaConnection.join(server.endpoint, "By code", { kind: "code", code: host.code });
    const quick = await ArenaConnection.join(server.endpoint, "Quick");
    expect([byCode.code, quick.code]).toEqual([host.code, host.code]);
    await Promise.all(watchers.map((room) => room.leave()));
    await leaveAll([host, byCode, quick]);
  }, 30_000);

  it("still watch a room whose player seats are all taken", async () => {
    const { joined } = await settled(Array.from({ length: MAX_PLAYERS }, (_, i) => ArenaConnection.join(server.endpoint, `Full ${i}`)));
    const code = joined[0]!.code;
    expect(seatsByRoom(joined).get(code)).toBe(MAX_PLAYERS);
    // Positive control: the room is full for players...
    await expect(ArenaConnection.join(server.endpoint, "Late", { kind: "code", code })).rejects.toThrow(`Room ${code} is full.`);
    // ...and open to a spectator.
    const watcher = await watch(code);
    expect(watcher.roomId).toBe(code);
    await watcher.leave();
    await leaveAll(joined);
  }, 30_000);
});
