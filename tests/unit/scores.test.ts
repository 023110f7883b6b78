// The scores and clocks every screen shares: the ranking rule, the m:ss clock,
// time left from ticks, and the scoreboard built from the state.
import { describe, expect, it } from "vitest";
import { byRank, clockText, scoreboardFromState, secondsUntilTick } from "../../shared/scores.ts";

describe("scores", () => {
  it("rank by KOs, most first, then by deaths, fewest first", () => {
    const ships = [
      { name: "C", kos: 3, deaths: 5 },
      { name: "A", kos: 5, deaths: 2 },
      { name: "B", kos: 3, deaths: 1 },
    ];
    expect(ships.sort(byRank).map((ship) => ship.name)).toEqual(["A", "B", "C"]);
  });

  it("show clocks as m:ss, whole seconds rounded up, never below 0:00", () => {
    expect([0, 0.2, 9, 59.5, 60, 179.01, 725, -3].map(clockText)).toEqual(["0:00", "0:01", "0:09", "1:00", "1:00", "3:00", "12:05", "0:00"]);
  });

  it("turn ticks left into seconds at the room's tick rate", () => {
    expect(secondsUntilTick(390, 300, 30)).toBe(3);
    expect(secondsUntilTick(300, 310.5, 30)).toBe(0);
  });

  it("build the scoreboard from the state, ships ranked and the host marked", () => {
    const state = {
      mode: "ffa" as const,
      redScore: 0,
      blueScore: 0,
      layout: "Crossroads",
      round: 2,
      phase: "playing" as const,
      tick: 100,
      tickRate: 30,
      phaseEndTick: 100 + 30 * 95,
      koTarget: 15,
      holdTarget: 60,
      ships: new Map([
        ["a", { name: "Ada", kos: 1, deaths: 0, bot: false, team: 0 }],
        ["b", { name: "Bot", kos: 4, deaths: 2, bot: true, team: 0 }],
      ]),
      hostId: "a",
    };
    expect(scoreboardFromState(state)).toEqual({
      mode: "ffa",
      layout: "Crossroads",
      round: 2,
      phase: "playing",
      secondsLeft: 95,
      koTarget: 15,
      holdTarget: 60,
      teams: [],
      ships: [
        { name: "Bot", kos: 4, deaths: 2, bot: true, host: false, team: 0 },
        { name: "Ada", kos: 1, deaths: 0, bot: false, host: true, team: 0 },
      ],
    });
  });

  it("give both teams' scores, and each ship's team, in a team mode", () => {
    const state = {
      mode: "tdm" as const,
      redScore: 7,
      blueScore: 9,
      layout: "Foundry",
      round: 1,
      phase: "results" as const,
      tick: 100,
      tickRate: 30,
      phaseEndTick: 100,
      koTarget: 15,
      holdTarget: 60,
      ships: new Map([["a", { name: "Ada", kos: 1, deaths: 0, bot: false, team: 2 }]]),
    };
    const board = scoreboardFromState(state);
    expect(board.teams).toEqual([
      { team: 1, score: 7 },
      { team: 2, score: 9 },
    ]);
    expect(board.ships[0]).toMatchObject({ name: "Ada", team: 2 });
  });
});
