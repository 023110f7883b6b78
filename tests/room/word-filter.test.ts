// The word filter through real clients: a listed word in a name and in a chat line
// reaches every player masked; a private room's host may turn it off, and then the
// same line arrives as it was said.
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { chatLines, useTestServer, waitFor } from "../kit/index.ts";

const server = useTestServer();

describe("the word filter", () => {
  it("masks a listed word in a name and in chat for every receiver, until the host turns it off", async () => {
    const host = await ArenaConnection.join(server.endpoint, "Maker", { kind: "create", private: true });
    const rude = await ArenaConnection.join(server.endpoint, "shithead", { kind: "code", code: host.code });
    const third = await ArenaConnection.join(server.endpoint, "Third", { kind: "code", code: host.code });
    await waitFor(() => host.room.state.ships.size === 3, "three ships");
    for (const player of [host, rude, third]) {
      expect([...player.room.state.ships.values()].map((ship) => ship.name).sort()).toEqual(["****head", "Maker", "Third"]);
    }
    const lines = [host, rude, third].map(chatLines);
    rude.say("what the fuck");
    await waitFor(() => lines.every((received) => received.length === 1), "the line, to everyone");
    for (const received of lines) expect(received[0]).toMatchObject({ name: "****head", text: "what the ****" });

    host.room.send("settings", { wordFilter: false });
    await waitFor(() => !third.room.state.settings.wordFilter, "the filter off");
    rude.say("what the fuck");
    await waitFor(() => lines.every((received) => received.length === 2), "the second line, to everyone");
    for (const received of lines) expect(received[1]!.text).toBe("what the fuck");
    await Promise.all([host, rude, third].map((player) => player.room.leave()));
  });
});
