// Teams and modes in a room, through real clients: teams kept even as a crowd
// comes and goes, switching sides, and whole matches of bots in Team Deathmatch
// (knock-outs, none between teammates) and King of the Hill (points only for
// the hill's holder).
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import type { ArenaRoom } from "../../server/ArenaRoom.ts";
import { koFromWire, type KoMessage } from "../../shared/messages.ts";
import { hillHolder } from "../../shared/modes/koth.ts";
import type { ArenaState } from "../../shared/schema.ts";
import type { RoomSettings } from "../../shared/settings.ts";
import type { WorldEvent } from "../../shared/world.ts";
import { notices, useTestServer, waitFor } from "../kit/index.ts";

const server = useTestServer();

function createRoom(name: string, settings: Partial<RoomSettings>): Promise<ArenaConnection> {
  return ArenaConnection.join(server.endpoint, name, { kind: "create", private: true, settings });
}

/** The ships on each team, as a client sees them. */
function sizes(state: ArenaState): { red: number; blue: number; none: number } {
  const ships = [...state.ships.values()];
  return {
    red: ships.filter((ship) => ship.team === 1).length,
    blue: ships.filter((ship) => ship.team === 2).length,
    none: ships.filter((ship) => ship.team === 0).length,
  };
}

function evenWithin1(state: ArenaState): boolean {
  const { red, blue, none } = sizes(state);
  return none === 0 && Math.abs(red - blue) <= 1;
}

describe("Team Deathmatch in a room", () => {
  it("keeps a room of 7 players and bots within one team of each other as players come at once and go at once", async () => {
    const host = await createRoom("Host", { mode: "tdm", bots: 7 });
    await waitFor(() => host.room.state.ships.size === 7, "bots to fill the room");
    expect(evenWithin1(host.room.state)).toBe(true);

    const guests = await Promise.all(["Ana", "Ben", "Cy", "Di"].map((name) => ArenaConnection.join(server.endpoint, name, { kind: "code", code: host.code })));
    const bots = (state: ArenaState) => [...state.ships.values()].filter((ship) => ship.bot).length;
    for (const view of [host, ...guests].map((player) => player.room.state)) {
      await waitFor(() => view.ships.size === 7 && bots(view) === 2, "five players and two bots in every view");
      expect(evenWithin1(view)).toBe(true);
    }

    await Promise.all(guests.slice(0, 3).map((guest) => guest.room.leave()));
    await waitFor(() => host.room.state.ships.size === 7 && bots(host.room.state) === 5, "bots to take the leavers' places");
    expect(evenWithin1(host.room.state)).toBe(true);
    await Promise.all([host, guests[3]!].map((player) => player.room.leave()));
  });

  it("lets a player switch sides while bots can even the teams out, and tells them why not when they cannot", async () => {
    const host = await createRoom("Host", { mode: "tdm", bots: 4 });
    const guest = await ArenaConnection.join(server.endpoint, "Guest", { kind: "code", code: host.code });
    await waitFor(() => host.room.state.ships.size === 4, "two players and two bots");
    const heard = notices(host);
    const own = () => host.room.state.ships.get(host.sessionId)!;
    const before = own().team;
    host.switchTeam();
    await waitFor(() => own().team !== before, "the host to change sides");
    await waitFor(() => heard.length > 0, "the room to hear of it");
    expect(heard[0]).toBe(`Host switched to ${own().team === 1 ? "Red" : "Blue"}.`);
    expect(evenWithin1(host.room.state)).toBe(true);

    // Without bots to move, a switch would leave 0 against 2: refused, and the player told why.
    const pair = await createRoom("Solo", { mode: "tdm", bots: 0 });
    const other = await ArenaConnection.join(server.endpoint, "Other", { kind: "code", code: pair.code });
    await waitFor(() => pair.room.state.ships.size === 2, "both players");
    const told = notices(other);
    const team = pair.room.state.ships.get(other.sessionId)!.team;
    other.switchTeam();
    await waitFor(() => told.length > 0, "the refusal");
    expect(told).toEqual([`The teams would be uneven: ${team === 1 ? "Blue" : "Red"} has more ships.`]);
    expect(pair.room.state.ships.get(other.sessionId)!.team).toBe(team);

    await Promise.all([host, guest, pair, other].map((player) => player.room.leave()));
  });

  it("comes in at the next round when the host of a free-for-all room picks it: teams formed, everyone told", async () => {
    const host = await createRoom("Host", { mode: "ffa", bots: 3 });
    await waitFor(() => host.room.state.ships.size === 3, "the bots");
    const heard = notices(host);
    host.room.send("settings", { mode: "tdm" });
    await waitFor(() => heard.length > 0, "the room to hear of it");
    expect(heard[0]).toBe("The host set the mode to Team Deathmatch, from the next round.");
    // This round plays on as it began; the host ends it and starts the next.
    expect(sizes(host.room.state)).toEqual({ red: 0, blue: 0, none: 3 });
    host.room.send("next-round");
    await waitFor(() => host.room.state.phase === "results", "the results");
    expect(host.room.state.mode).toBe("ffa");
    host.room.send("next-round");
    await waitFor(() => host.room.state.mode === "tdm" && host.room.state.phase === "playing", "a Team Deathmatch round");
    expect(evenWithin1(host.room.state)).toBe(true);
    await host.room.leave();
  });

  it("plays a 30 s match of bots with knock-outs, and not one hit between teammates", async () => {
    const watcher = await createRoom("Watcher", { mode: "tdm", bots: 8, roundSeconds: 30, koTarget: 1000 });
    const room = server.colyseus.getRoomById<ArenaRoom>(watcher.code)!;
    const kos: KoMessage[] = [];
    watcher.room.onMessage("ko", (wire) => kos.push(koFromWire(wire)));
    const hits: Array<{ event: WorldEvent; sameTeam: boolean }> = [];
    let over = false;
    room.onWorldEvents = (events) => {
      for (const event of events) {
        if (event.type === "round-over") over = true;
        if (event.type !== "hit") continue;
        const shooter = room.state.ships.get(event.shooter);
        const target = room.state.ships.get(event.target);
        hits.push({ event, sameTeam: shooter !== undefined && target !== undefined && shooter.team === target.team });
      }
    };
    await waitFor(() => over, "the 30 s round to end", 60_000);
    expect(kos.length).toBeGreaterThan(0);
    expect(hits.length).toBeGreaterThan(kos.length);
    expect(hits.filter((hit) => hit.sameTeam)).toEqual([]);
    // The team scores are the knock-outs: every one of them scored for a side.
    expect(room.state.redScore + room.state.blueScore).toBe(kos.length);
    await watcher.room.leave();
  }, 70_000);
});

describe("King of the Hill in a room", () => {
  it("scores points in a match of bots, each for the team holding the hill alone", async () => {
    const watcher = await createRoom("Watcher", { mode: "koth", bots: 8, roundSeconds: 30, holdTarget: 3600, arena: "Foundry" });
    const room = server.colyseus.getRoomById<ArenaRoom>(watcher.code)!;
    const points: Array<{ team: number; holder: number | null }> = [];
    let last = { red: 0, blue: 0 };
    let over = false;
    room.onWorldEvents = (events) => {
      if (events.some((event) => event.type === "round-over")) over = true;
      const { redScore: red, blueScore: blue, hill } = room.state;
      if (red > last.red) points.push({ team: 1, holder: hillHolder(hill) });
      if (blue > last.blue) points.push({ team: 2, holder: hillHolder(hill) });
      last = { red, blue };
    };
    await waitFor(() => over, "the 30 s round to end", 60_000);
    expect(points.length).toBeGreaterThan(0);
    expect(points.filter(({ team, holder }) => team !== holder)).toEqual([]);
    // What the players see: the same scores.
    await waitFor(
      () => watcher.room.state.redScore === room.state.redScore && watcher.room.state.blueScore === room.state.blueScore,
      "the scores to reach the client",
    );
    await watcher.room.leave();
  }, 70_000);
});
