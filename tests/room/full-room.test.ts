// Each test file gets its own process, and with it one matchmaker: a server with
// two seats per room lives here, apart from the default one.
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { useTestServer } from "../kit/index.ts";

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
});
