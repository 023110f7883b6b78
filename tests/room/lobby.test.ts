// Rooms as the lobby sees them: codes, private rooms, quick play, full rooms, the
// live room list and the HTTP scoreboard.
import { describe, expect, it } from "vitest";
import { Client, type RoomAvailable } from "@colyseus/sdk";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import type { RoomListing, Scoreboard } from "../../shared/messages.ts";
import { CODE_ALPHABET, CODE_LENGTH } from "../../shared/roomCodes.ts";
import { useTestServer, waitFor } from "../kit/index.ts";

const server = useTestServer();
const CODE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

async function listedRooms() {
  const lobby = await new Client(server.endpoint).joinOrCreate("lobby");
  const rooms = new Map<string, RoomAvailable<RoomListing>>();
  const changes: string[] = [];
  lobby.onMessage("rooms", (all: RoomAvailable<RoomListing>[]) => {
    for (const room of all) rooms.set(room.roomId, room);
  });
  lobby.onMessage("+", ([id, room]: [string, RoomAvailable<RoomListing>]) => {
    changes.push(`${rooms.has(id) ? "update" : "add"} ${id} ${room.metadata?.players ?? "?"}`);
    rooms.set(id, room);
  });
  lobby.onMessage("-", (id: string) => {
    changes.push(`remove ${id}`);
    rooms.delete(id);
  });
  // The lobby room sends the whole list first; changes follow.
  await new Promise<void>((resolve) => lobby.onMessage("rooms", () => resolve()));
  return { lobby, rooms, changes };
}

describe("room codes", () => {
  it("are short, unambiguous and unique among live rooms, and join the right room", async () => {
    const rooms = await Promise.all(Array.from({ length: 12 }, () => server.colyseus.createRoom<ArenaRoom>("arena")));
    const codes = rooms.map((room) => room.roomId);
    expect(codes.every((code) => CODE.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    const target = rooms[7]!;
    const player = await ArenaConnection.join(server.endpoint, "Coder", { kind: "code", code: target.roomId });
    expect(target.state.ships.has(player.sessionId)).toBe(true);
    await player.room.leave();
  });

  it("an unknown code gives a clear message", async () => {
    await expect(ArenaConnection.join(server.endpoint, "Lost", { kind: "code", code: "ZZZZZ" })).rejects.toThrow("There is no room with code ZZZZZ.");
  });
});

describe("private rooms", () => {
  it("are not listed and quick play never lands in them, but their code joins them", async () => {
    const { lobby, rooms } = await listedRooms();
    const host = await ArenaConnection.join(server.endpoint, "Host", { kind: "create", private: true });
    // Positive control: a public room created after it shows up; the list is in order, so the private one would have come first.
    const open = await ArenaConnection.join(server.endpoint, "Open", { kind: "create", private: false });
    await waitFor(() => rooms.has(open.code), "the public room in the list");
    expect(rooms.has(host.code)).toBe(false);
    const stranger = await ArenaConnection.join(server.endpoint, "Stranger");
    expect(stranger.code).not.toBe(host.code);
    const friend = await ArenaConnection.join(server.endpoint, "Friend", { kind: "code", code: host.code });
    expect(friend.code).toBe(host.code);
    await Promise.all([host, open, stranger, friend].map((player) => player.room.leave()));
    await lobby.leave();
  });
});

describe("quick play", () => {
  it("fills the fullest public room with space before creating one", async () => {
    const quiet = await server.colyseus.createRoom<ArenaRoom>("arena");
    const busy = await server.colyseus.createRoom<ArenaRoom>("arena");
    await server.colyseus.connectTo(quiet);
    await server.colyseus.connectTo(busy);
    await server.colyseus.connectTo(busy);
    const player = await ArenaConnection.join(server.endpoint, "Quick");
    expect(player.code).toBe(busy.roomId);
    await player.room.leave();
  });
});

describe("the live room list", () => {
  it("shows a room when it is created, as it fills, and drops it when it is disposed", async () => {
    const { lobby, rooms, changes } = await listedRooms();
    const player = await ArenaConnection.join(server.endpoint, "Lister");
    await waitFor(() => rooms.get(player.code)?.metadata?.players === 1, "the new room with its player");
    const listing = rooms.get(player.code)!.metadata!;
    expect(listing.layout).toBe("Crossroads");
    expect(listing.maxPlayers).toBe(16);
    expect(listing.phaseEndsAt).toBeGreaterThan(Date.now());
    const second = await ArenaConnection.join(server.endpoint, "Second", { kind: "code", code: player.code });
    await waitFor(() => rooms.get(player.code)?.metadata?.players === 2, "the room to show two players");
    await Promise.all([player.room.leave(), second.room.leave()]);
    await waitFor(() => !rooms.has(player.code), "the disposed room to leave the list");
    expect(changes).toContain(`remove ${player.code}`);
    await lobby.leave();
  });
});

describe("GET /api/rooms/:code/scoreboard", () => {
  async function get(code: string) {
    const response = await fetch(`${server.endpoint}/api/rooms/${code}/scoreboard`);
    return { status: response.status, body: (await response.json()) as Scoreboard };
  }

  it("long polls: with ?wait=<version> the answer is held until the scores change, then comes at once", async () => {
    const player = await ArenaConnection.join(server.endpoint, "Waiter");
    const room = server.colyseus.getRoomById<ArenaRoom>(player.code);
    let { body: seen } = await get(player.code);
    // Three changes, each waited for by a held request; the median delay, so one slow moment on a busy machine does not count.
    const delays: number[] = [];
    for (let kos = 1; kos <= 3; kos++) {
      let answeredAt = 0;
      const held = fetch(`${server.endpoint}/api/rooms/${player.code}/scoreboard?wait=${seen.version}`).then(async (response) => {
        answeredAt = Date.now();
        return (await response.json()) as Scoreboard;
      });
      // Nothing changed: the request is still open after several checks of the version.
      for (let i = 0; i < 5; i++) await room.waitForNextPatch();
      expect(answeredAt).toBe(0);
      // A knock-out changes the scores: the held request answers with them.
      const changedAt = Date.now();
      room.state.ships.get(player.sessionId)!.kos = kos;
      const answer = await held;
      expect(answer.version).toBeGreaterThan(seen.version);
      expect(answer.ships[0]).toMatchObject({ name: "Waiter", kos });
      delays.push(answeredAt - changedAt);
      seen = answer;
    }
    // At once: within a few of the server's checks of the version (every 100 ms), not at the next poll or the 25 s limit.
    expect(delays.sort((a, b) => a - b)[1], `delays: ${delays.join(", ")} ms`).toBeLessThan(500);
    await player.room.leave();
  });

  it("returns a public room's scores, however the code is typed", async () => {
    const player = await ArenaConnection.join(server.endpoint, "Scorer");
    const room = server.colyseus.getRoomById<ArenaRoom>(player.code);
    room.state.ships.get(player.sessionId)!.kos = 4;
    const { status, body } = await get(player.code.toLowerCase());
    expect(status).toBe(200);
    expect(body.code).toBe(player.code);
    expect(body.ships).toContainEqual({ name: "Scorer", kos: 4, deaths: 0, bot: false, host: false, team: 0 });
    expect(body).toMatchObject({ mode: "ffa", teams: [] });
    await player.room.leave();
  });

  it("finds a private room only by its exact code, and nothing for unknown codes", async () => {
    const host = await ArenaConnection.join(server.endpoint, "Secret", { kind: "create", private: true });
    expect((await get(host.code)).status).toBe(200);
    expect((await get(host.code.toLowerCase())).status).toBe(404);
    expect((await get("ZZZZZ")).status).toBe(404);
    expect((await get("not-a-code")).status).toBe(404);
    await host.room.leave();
  });
});
