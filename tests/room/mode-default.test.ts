// The server's GAME_MODE: Quick Play's rooms play it, the lobby's list says so, and in
// a public room the teams stay as players were put on them.
import { describe, expect, it } from "vitest";
import { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { matchMaker } from "@colyseus/core";
import type { RoomListing, Scoreboard } from "../../shared/messages.ts";
import { notices, useTestServer, waitFor } from "../kit/index.ts";

const server = useTestServer({ mode: "tdm", bots: 3 });

describe("a server whose GAME_MODE is tdm", () => {
  it("plays Quick Play in teams, lists the mode, and switches no one in a public room", async () => {
    const [first, second] = await Promise.all(["Ana", "Ben"].map((name) => ArenaConnection.join(server.endpoint, name, { kind: "quick" })));
    expect(first!.code).toBe(second!.code);
    const state = first!.room.state;
    await waitFor(() => state.ships.size === 3 && [...state.ships.values()].every((ship) => ship.team !== 0), "teams in the room");
    expect(state.mode).toBe("tdm");
    const [listed] = await matchMaker.query({ roomId: first!.code });
    expect((listed!.metadata as RoomListing).mode).toBe("tdm");
    const board = (await (await fetch(`${server.endpoint}/api/rooms/${first!.code}/scoreboard`)).json()) as Scoreboard;
    expect(board).toMatchObject({ mode: "tdm", teams: [{ team: 1 }, { team: 2 }] });
    expect(board.ships.map((ship) => ship.team).sort()).toEqual([1, 1, 2]);

    const told = notices(first!);
    const team = state.ships.get(first!.sessionId)!.team;
    first!.switchTeam();
    await waitFor(() => told.length > 0, "the refusal");
    expect(told).toEqual(["Teams are switched only in private rooms."]);
    expect(state.ships.get(first!.sessionId)!.team).toBe(team);
    await Promise.all([first!, second!].map((player) => player.room.leave()));
  });
});
