// docs/testing.md, "Your first test": a rule checked on plain state in a few
// milliseconds, then the same scenario through a real room and real players.
// #region imports
import { describe, expect, it } from "vitest";
import { BULLET_DAMAGE, SHIP_HEALTH } from "../../shared/constants.ts";
import { levels, rulesMatch, scenario, useTestServer } from "../kit/index.ts";
// #endregion

// #region rules-level
it("a shot takes BULLET_DAMAGE off the ship it hits", async () => {
  const match = rulesMatch({
    ships: { Ada: { at: { x: 400, y: 500 } }, Grace: { at: { x: 700, y: 500 } } },
  });
  match.ship("Ada").aimAt("Grace");
  match.ship("Ada").fire();
  await match.until(() => match.events.some((event) => event.type === "hit"), "the hit");
  match.expectShips({ Grace: { health: SHIP_HEALTH - BULLET_DAMAGE } });
});
// #endregion

// #region both-levels
const server = useTestServer();

const teamKnockOut = scenario(
  {
    settings: { mode: "tdm" },
    ships: {
      Ada: { at: { x: 400, y: 500 }, team: 1 },
      Grace: { at: { x: 700, y: 500 }, team: 2, health: BULLET_DAMAGE },
    },
    rttMs: 100,
    jitterMs: 20,
  },
  async (match) => {
    match.ship("Ada").aimAt("Grace");
    match.ship("Ada").fire();
    await match.until(() => match.events.some((event) => event.type === "ko"), "the knock-out");
    expect(match.scoreboard().teams).toEqual([
      { team: 1, score: 1 },
      { team: 2, score: 0 },
    ]);
    match.expectShips({ Ada: { kos: 1 }, Grace: { alive: false, deaths: 1 } });
  },
);

describe.each(levels(server))("at the %s level", (_level, play) => {
  it("a knock-out in Team Deathmatch scores for the shooter's team", () => play(teamKnockOut));
});
// #endregion
