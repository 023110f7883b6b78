// After the grace period the seat is gone. A one-second grace keeps the test short;
// its own file gives it its own server.
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { cutConnection } from "../support/drops.ts";
import { useTestServer, waitFor } from "../kit/index.ts";

const server = useTestServer({ reconnectSeconds: 1 });

describe("a dropped connection past the grace period", () => {
  it("loses its seat and cannot come back", async () => {
    const stays = await ArenaConnection.join(server.endpoint, "Stays");
    const player = await ArenaConnection.join(server.endpoint, "Gone", { kind: "code", code: stays.code });
    const room = server.colyseus.getRoomById<ArenaRoom>(player.code);
    const token = player.room.reconnectionToken;
    player.room.reconnection.enabled = false;
    cutConnection(server.colyseus, player);
    await waitFor(() => room.state.ships.get(player.sessionId)?.away === true, "the seat to be held");
    await waitFor(() => !room.state.ships.has(player.sessionId), "the grace period to end", 4000);
    await expect(ArenaConnection.join(server.endpoint, "Gone", { kind: "resume", reconnectionToken: token })).rejects.toThrow();
    await stays.room.leave();
  });
});
