// A room's settings: the server's defaults for every room, and a private room's
// creator choosing others (shared/settings.ts), through real clients.
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { DEFAULT_SETTINGS, NUMBER_SETTINGS, type RoomSettings, roomSettings } from "../../shared/settings.ts";
import { requestSeat } from "../support/rawClient.ts";
import { recordEvents, useTestServer, waitFor } from "../kit/index.ts";

// The server's defaults here: bots off, as in every room test, and the rest the game's own.
const server = useTestServer({ trustProxy: ["127.0.0.1"] });

/** A private room's settings, as its creator's client sees them in the state. */
function settingsOf(player: ArenaConnection): RoomSettings {
  return roomSettings(player.room.state.settings);
}

describe("a private room created with settings", () => {
  it("plays rounds of that length and KO target, on that arena, with that many bots and seats", async () => {
    const chosen: RoomSettings = { mode: "ffa", roundSeconds: 10, koTarget: 2, holdTarget: 30, bots: 5, maxPlayers: 4, arena: "Foundry", wordFilter: false };
    const host = await ArenaConnection.join(server.endpoint, "Host", { kind: "create", private: true, settings: chosen });
    const room = server.colyseus.getRoomById<ArenaRoom>(host.code)!;
    const events = recordEvents(room);
    const state = host.room.state;
    await waitFor(() => state.ships.size === 5, "the bots to fill the room to 5 ships");
    expect(settingsOf(host)).toEqual(chosen);
    expect({ roundSeconds: state.roundSeconds, koTarget: state.koTarget, layout: state.layout }).toEqual({ roundSeconds: 10, koTarget: 2, layout: "Foundry" });
    expect(state.phaseEndTick - room.state.tick).toBeLessThanOrEqual(10 * state.tickRate);
    expect([...state.ships.values()].filter((ship) => ship.bot)).toHaveLength(4);

    // The round ends by the clock, or sooner when a ship reaches 2 KOs; never later, never on more.
    await waitFor(() => events.some((event) => event.type === "round-over"), "the round to end", 15_000);
    const kos = [...room.state.ships.values()].map((ship) => ship.kos);
    expect(Math.max(...kos)).toBeLessThanOrEqual(2);
    if (Math.max(...kos) < 2) expect(room.state.tick).toBeGreaterThanOrEqual(room.state.phaseEndTick - 6 * state.tickRate);

    // The next round is on the chosen arena too (rotation would pick by the round's number).
    await waitFor(() => events.some((event) => event.type === "round-start"), "the next round", 15_000);
    expect(events.find((event) => event.type === "round-start")).toMatchObject({ round: 2, layout: "Foundry" });

    // Four seats: three more players fit, a fifth is refused with the room's size.
    const guests = await Promise.all(["A", "B", "C"].map((name) => ArenaConnection.join(server.endpoint, name, { kind: "code", code: host.code })));
    await expect(ArenaConnection.join(server.endpoint, "Late", { kind: "code", code: host.code })).rejects.toThrow(`Room ${host.code} is full.`);
    await Promise.all([host, ...guests].map((player) => player.room.leave()));
  }, 40_000);

  it("takes the server's defaults for the settings its creator left out", async () => {
    const host = await ArenaConnection.join(server.endpoint, "Host", { kind: "create", private: true, settings: { koTarget: 7 } });
    expect(settingsOf(host)).toEqual({ ...DEFAULT_SETTINGS, bots: 0, koTarget: 7 });
    await host.room.leave();
  });
});

describe("settings", () => {
  it("are the server's in quick play and public rooms, and the create form reads them from /api/settings", async () => {
    const player = await ArenaConnection.join(server.endpoint, "Quick");
    const defaults = await (await fetch(`${server.endpoint}/api/settings`)).json();
    expect(defaults).toEqual({ ...DEFAULT_SETTINGS, bots: 0 });
    expect(settingsOf(player)).toEqual(defaults);
    await player.room.leave();
  });

  it("are refused with 400 and the reason outside their ranges, on anything but a private room's create, and when unknown", async () => {
    // Each request from an address of its own (the proxy is trusted here): the server limits the rooms one address creates.
    let address = 0;
    const request = (method: string, options: object) =>
      requestSeat(server.endpoint, method, "arena", { name: "Picky", ...options }, { "X-Forwarded-For": `192.0.2.${++address}` });
    const create = (settings: object) => request("create", { private: true, settings });
    for (const [name, { min, max }] of Object.entries(NUMBER_SETTINGS)) {
      for (const [why, value] of [
        ["above", max + 1],
        ["below", min - 1],
        ["not whole", min + 0.5],
      ] as const) {
        await expect(create({ [name]: value }), `${name} ${why}`).rejects.toThrow(`400: Bad join options: "settings.${name}"`);
      }
    }
    await expect(create({ arena: "Atlantis" })).rejects.toThrow('400: Bad join options: "settings.arena"');
    await expect(create({ gravity: 2 })).rejects.toThrow(/400: Bad join options: "settings": .*gravity/);
    for (const [method, options] of [
      ["create", { private: false }],
      ["create", {}],
      ["joinOrCreate", {}],
    ] as const) {
      await expect(request(method, { ...options, settings: { koTarget: 3 } }), method).rejects.toThrow(
        '400: Bad join options: "settings" go only with the create of a private room.',
      );
    }
    // Positive control: each end of every range is taken.
    for (const end of ["min", "max"] as const) {
      const chosen = Object.fromEntries(Object.entries(NUMBER_SETTINGS).map(([name, range]) => [name, range[end]]));
      const seat = await create(chosen);
      const settings = roomSettings(server.colyseus.getRoomById<ArenaRoom>(seat.roomId)!.state.settings);
      expect(settings).toEqual({ ...DEFAULT_SETTINGS, ...chosen });
    }
  });
});
