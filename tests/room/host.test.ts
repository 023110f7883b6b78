// The host of a private room, through real clients: who it is, what only it may
// do (settings from the next round on), and who hosts when it leaves.
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { recordEvents } from "../support/roomHelpers.ts";
import { useTestServer, waitFor } from "../support/testServer.ts";

const server = useTestServer();

/** Every notice `player` is given (what the host did, and why a command was refused), in order. */
function notices(player: ArenaConnection): string[] {
  const heard: string[] = [];
  player.onNotice((text) => heard.push(text));
  return heard;
}

describe("the host", () => {
  it("is whoever created a private room; a public room has none", async () => {
    const host = await ArenaConnection.join(server.endpoint, "Maker", { kind: "create", private: true });
    await waitFor(() => host.room.state.hostId !== "", "the host to be named");
    expect(host.room.state.hostId).toBe(host.sessionId);
    const open = await ArenaConnection.join(server.endpoint, "Open", { kind: "create", private: false });
    const guest = await ArenaConnection.join(server.endpoint, "Guest", { kind: "code", code: open.code });
    expect(open.room.state.hostId).toBe("");
    // Anyone asking for a host's change in a public room is told there is no host, and nothing changes.
    const told = notices(guest);
    guest.room.send("settings", { koTarget: 3 });
    await waitFor(() => told.length > 0, "the notice");
    expect(told).toEqual(["This room has no host: only a private room's host can change the settings."]);
    expect(open.room.state.settings.koTarget).not.toBe(3);
    await Promise.all([host, open, guest].map((player) => player.room.leave()));
  });

  it("changes settings from the next round on, everyone told; anyone else is told why not, and nothing changes", async () => {
    const host = await ArenaConnection.join(server.endpoint, "Maker", { kind: "create", private: true, settings: { roundSeconds: 10, koTarget: 1000 } });
    const guest = await ArenaConnection.join(server.endpoint, "Guest", { kind: "code", code: host.code });
    const room = server.colyseus.getRoomById<ArenaRoom>(host.code)!;
    const events = recordEvents(room);
    const [hostHeard, guestHeard] = [notices(host), notices(guest)];

    // The guest tries first: refused, and nothing is pending (positive control below: the host's change applies).
    guest.room.send("settings", { bots: 9 });
    await waitFor(() => guestHeard.includes("Only the host can change the settings."), "the guest's refusal");
    host.room.send("settings", { koTarget: 4, arena: "Foundry", bots: 2 });
    // Told in the settings' own order, whatever the order asked in.
    const told = "The host set the KO target to 4, the bots to 2, the arena to Foundry, from the next round.";
    await waitFor(() => hostHeard.includes(told) && guestHeard.includes(told), "everyone told of the change");
    // This round keeps its rules.
    expect(room.state.koTarget).toBe(1000);
    expect(room.state.settings.koTarget).toBe(1000);
    expect(room.state.ships.size).toBe(2);

    await waitFor(() => events.some((event) => event.type === "round-start"), "the next round", 20_000);
    expect(room.state.settings.toJSON()).toMatchObject({ koTarget: 4, arena: "Foundry", bots: 2, roundSeconds: 10 });
    expect(room.state.koTarget).toBe(4);
    expect(room.state.layout).toBe("Foundry");
    // Two players already: bots fill up to two ships, so none come; the guest's 9 never applied.
    expect([...room.state.ships.values()].filter((ship) => ship.bot)).toHaveLength(0);
    await Promise.all([host, guest].map((player) => player.room.leave()));
  }, 40_000);

  it("who leaves hands the room to the player who has been in it longest, and everyone is told", async () => {
    const host = await ArenaConnection.join(server.endpoint, "Maker", { kind: "create", private: true });
    const first = await ArenaConnection.join(server.endpoint, "First", { kind: "code", code: host.code });
    const second = await ArenaConnection.join(server.endpoint, "Second", { kind: "code", code: host.code });
    const heard = notices(second);
    await host.room.leave();
    await waitFor(() => second.room.state.hostId === first.sessionId, "First to host");
    await waitFor(() => heard.includes("First is the host now."), "the notice");
    // The new host's changes are taken.
    first.room.send("settings", { koTarget: 9 });
    await waitFor(() => heard.includes("The host set the KO target to 9, from the next round."), "the new host's change");
    await Promise.all([first, second].map((player) => player.room.leave()));
  });
});
