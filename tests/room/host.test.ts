// The host of a private room, through real clients: who it is, what only it may
// do (settings from the next round on), and who hosts when it leaves.
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { gameClient, watchRoom } from "../../game/net/gameClient.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import type { ReplaySummary } from "../../server/ReplayStore.ts";
import { readReplayFile } from "../../server/replayFile.ts";
import { REMOVED_BY_HOST } from "../../shared/messages.ts";
import { ReplaySimulation } from "../../shared/replay/ReplaySimulation.ts";
import { notices, recordEvents, ticksPass, useTestServer, waitFor } from "../kit/index.ts";

const server = useTestServer();

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

  it("ends the round now, and during its results starts the next one now; anyone else is told why not", async () => {
    const host = await ArenaConnection.join(server.endpoint, "Maker", { kind: "create", private: true });
    const guest = await ArenaConnection.join(server.endpoint, "Guest", { kind: "code", code: host.code });
    const room = server.colyseus.getRoomById<ArenaRoom>(host.code)!;
    const events = recordEvents(room);
    const guestHeard = notices(guest);
    guest.room.send("next-round");
    await waitFor(() => guestHeard.includes("Only the host can start the next round."), "the guest's refusal");
    expect(room.state.phase).toBe("playing");
    host.room.send("next-round");
    await waitFor(() => events.some((event) => event.type === "round-over"), "the round to end");
    expect(room.state.phase).toBe("results");
    await waitFor(() => guestHeard.includes("The host ended the round."), "everyone told");
    host.room.send("next-round");
    await waitFor(() => events.some((event) => event.type === "round-start"), "the next round to start");
    expect(room.state.round).toBe(2);
    await waitFor(() => guestHeard.includes("The host started the next round."), "everyone told");
    await Promise.all([host, guest].map((player) => player.room.leave()));
  });

  it("locks the room: a new player is refused with the reason, a spectator still comes in, and unlocking lets players in again", async () => {
    const host = await ArenaConnection.join(server.endpoint, "Maker", { kind: "create", private: true });
    host.room.send("lock", { locked: true });
    await waitFor(() => host.room.state.locked, "the room locked");
    await expect(ArenaConnection.join(server.endpoint, "Late", { kind: "code", code: host.code })).rejects.toThrow(
      "This room is locked by its host: it takes no new players.",
    );
    const spectator = await watchRoom(gameClient(server.endpoint), host.code);
    expect(spectator.roomId).toBe(host.code);
    host.room.send("lock", { locked: false });
    await waitFor(() => !host.room.state.locked, "the room unlocked");
    const late = await ArenaConnection.join(server.endpoint, "Late", { kind: "code", code: host.code });
    await Promise.all([host.room.leave(), late.room.leave(), spectator.leave()]);
  });

  it("removes three of a crowd of twelve at once while changing a setting in the same second; the removed stay out from their browser", async () => {
    const host = await ArenaConnection.join(server.endpoint, "Maker", { kind: "create", private: true });
    const crowd = await Promise.all(
      Array.from({ length: 11 }, (_, i) => ArenaConnection.join(server.endpoint, `Guest ${i}`, { kind: "code", code: host.code }, `browser-${i}`)),
    );
    const room = server.colyseus.getRoomById<ArenaRoom>(host.code)!;
    await waitFor(() => host.room.state.ships.size === 12, "twelve ships");
    const [removed, kept] = [crowd.slice(0, 3), crowd.slice(3)];
    const closes = removed.map((player) => new Promise<number>((resolve) => player.room.onLeave((code) => resolve(code))));
    for (const player of removed) host.room.send("kick", { sessionId: player.sessionId });
    host.room.send("settings", { koTarget: 6 });
    // The host cannot remove themselves; a guest cannot remove anyone (positive control: the same message from the host works).
    const hostHeard = notices(host);
    host.room.send("kick", { sessionId: host.sessionId });
    kept[0]!.room.send("kick", { sessionId: kept[1]!.sessionId });
    expect(await Promise.all(closes)).toEqual([REMOVED_BY_HOST, REMOVED_BY_HOST, REMOVED_BY_HOST]);
    await waitFor(() => hostHeard.includes("The host cannot remove themselves: leave the room instead."), "the host's refusal");
    await waitFor(() => host.room.state.ships.size === 9, "nine ships");
    for (const player of removed) expect(room.state.ships.has(player.sessionId)).toBe(false);
    for (const player of [host, ...kept]) expect(room.state.ships.has(player.sessionId)).toBe(true);
    await waitFor(() => hostHeard.includes("The host set the KO target to 6, from the next round."), "the setting taken as well");

    // From the same browser, under any name, a removed player stays out; another room takes them, and another browser gets in here.
    await expect(ArenaConnection.join(server.endpoint, "New name", { kind: "code", code: host.code }, "browser-0")).rejects.toThrow(
      "Removed by the host: you cannot come back into this room.",
    );
    const elsewhere = await ArenaConnection.join(server.endpoint, "Guest 0", { kind: "create", private: true }, "browser-0");
    const newcomer = await ArenaConnection.join(server.endpoint, "Newcomer", { kind: "code", code: host.code }, "browser-new");
    await Promise.all([host, ...kept, elsewhere, newcomer].map((player) => player.room.leave()));
  }, 30_000);

  it("leaves every round's replay exact: a round it ended with a player removed, and the next round on its new settings", async () => {
    const host = await ArenaConnection.join(server.endpoint, "Maker", { kind: "create", private: true, settings: { bots: 5, koTarget: 1000 } });
    const guest = await ArenaConnection.join(server.endpoint, "Guest", { kind: "code", code: host.code });
    const room = server.colyseus.getRoomById<ArenaRoom>(host.code)!;
    const saved: ReplaySummary[] = [];
    room.recording.onSaved = (summary) => saved.push(summary);
    await ticksPass(room.state, 60);
    host.room.send("settings", { roundSeconds: 10, arena: "Foundry", bots: 3 });
    host.room.send("kick", { sessionId: guest.sessionId });
    await ticksPass(room.state, 30);
    host.room.send("next-round");
    await waitFor(() => saved.length === 1, "round 1's replay");
    // The next round: its results skipped, on its new settings, played to its clock.
    host.room.send("next-round");
    await waitFor(() => saved.length === 2, "round 2's replay", 25_000);

    const replays = await Promise.all(
      saved.map(async (summary) =>
        readReplayFile(new Uint8Array(await (await fetch(`${server.endpoint}/api/replays/${summary.id}?room=${host.code}`)).arrayBuffer())),
      ),
    );
    const kinds = (index: number) => new Set(replays[index]!.ticks.flatMap((tick) => tick.changes.map((change) => change.type)));
    expect([...kinds(0)]).toEqual(expect.arrayContaining(["leave", "end-phase"]));
    expect(replays[1]!.start).toMatchObject({ roundSeconds: 10, layout: "Foundry", round: 2 });
    for (const replay of replays) {
      const simulation = new ReplaySimulation(replay);
      expect(simulation.run()).toBeNull();
      expect(simulation.checked).toBe(replay.checksums.length);
    }
    // Positive control: without the host's end of the round, round 1's replay parts from the match where it ended.
    const unended = structuredClone(replays[0]!);
    for (const tick of unended.ticks) tick.changes = tick.changes.filter((change) => change.type !== "end-phase");
    expect(new ReplaySimulation(unended).run()).not.toBeNull();
    await host.room.leave();
  }, 40_000);
});
