// Each test file gets its own process, and with it one matchmaker: a server with
// two seats per room lives here, apart from the default one.
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { useTestServer, waitFor } from "../kit/index.ts";

describe("a full room", () => {
  const small = useTestServer({ maxPlayers: 2 });

  it("refuses a third player by code with a clear message, and quick play opens a new room", async () => {
    const first = await ArenaConnection.join(small.endpoint, "One");
    const second = await ArenaConnection.join(small.endpoint, "Two", { kind: "code", code: first.code });
    await expect(ArenaConnection.join(small.endpoint, "Three", { kind: "code", code: first.code })).rejects.toThrow(`Room ${first.code} is full.`);
    const third = await ArenaConnection.join(small.endpoint, "Three");
    expect(third.code).not.toBe(first.code);
    await Promise.all([first, second, third].map((player) => player.room.leave()));
  });

  it("takes players by code again once a seat is free, as often as it fills", async () => {
    const first = await ArenaConnection.join(small.endpoint, "One");
    const room = small.colyseus.getRoomById<ArenaRoom>(first.code);
    let latest = await ArenaConnection.join(small.endpoint, "Two", { kind: "code", code: first.code });
    for (let round = 0; round < 3; round++) {
      // Full: the next one is turned away (the control), until a player leaves.
      await expect(ArenaConnection.join(small.endpoint, "Late", { kind: "code", code: first.code })).rejects.toThrow(`Room ${first.code} is full.`);
      await latest.room.leave();
      await waitFor(() => room.state.ships.size === 1, "the leaver's ship to go");
      latest = await ArenaConnection.join(small.endpoint, `Late ${round}`, { kind: "code", code: first.code });
      expect(latest.code).toBe(first.code);
    }
    await Promise.all([first, latest].map((player) => player.room.leave()));
  });
});
