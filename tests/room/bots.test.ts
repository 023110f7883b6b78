import { describe, expect, it } from "vitest";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { useTestServer, waitFor } from "../kit/index.ts";

const server = useTestServer({ bots: 3 });

function bots(room: ArenaRoom) {
  return [...room.state.ships.values()].filter((ship) => ship.bot);
}

describe("bots", () => {
  it("fill the room up to BOTS ships and leave as humans join", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    expect(bots(room)).toHaveLength(3);
    expect(bots(room).every((ship) => /^Bot [A-Z][a-z]+$/.test(ship.name))).toBe(true);

    const first = await server.colyseus.connectTo(room);
    expect(bots(room)).toHaveLength(2);
    const second = await server.colyseus.connectTo(room);
    const third = await server.colyseus.connectTo(room);
    expect(bots(room)).toHaveLength(0);
    expect(room.state.ships.size).toBe(3);

    await third.leave();
    await waitFor(() => bots(room).length === 1, "a bot to come back");
    expect(room.state.ships.size).toBe(3);
    expect(first.state.ships.size).toBe(3);
    await second.leave();
    await waitFor(() => bots(room).length === 2, "another bot");
  });

  it("move around, shoot, and knock players out", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    const human = await server.colyseus.connectTo(room, { name: "Target" });
    const start = new Map(bots(room).map((ship) => [ship, { x: ship.x, y: ship.y }]));
    // Each is waited for on its own: which comes first depends on where the bots spawned.
    await waitFor(() => [...room.state.bullets.values()].some((bullet) => bullet.owner.startsWith("bot-")), "a bot to fire", 8000);
    await waitFor(() => [...start].some(([ship, at]) => ship.x !== at.x || ship.y !== at.y), "a bot to move", 8000);
    // An idle player in the arena does not last long.
    await waitFor(() => room.state.ships.get(human.sessionId)!.deaths > 0, "the bots to knock the player out", 15_000);
  }, 20_000);

  it("do not keep a room alive on their own", async () => {
    const room = await server.colyseus.createRoom<ArenaRoom>("arena");
    const human = await server.colyseus.connectTo(room);
    const roomId = room.roomId;
    await human.leave();
    await waitFor(() => {
      try {
        return server.colyseus.getRoomById(roomId) === undefined;
      } catch {
        return true;
      }
    }, "the room to be disposed");
  });
});
