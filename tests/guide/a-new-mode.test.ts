// docs/testing.md, "Testing a new mode": King of the Hill's scoring on plain
// state, with the arena's own hill, seconds counted in ticks.
import { expect, it } from "vitest";
import { CROSSROADS } from "../../shared/arena.ts";
import { TICK_RATE } from "../../shared/constants.ts";
import { rulesMatch } from "../kit/index.ts";

// #region mode
it("King of the Hill: a point a second for a team alone on the hill, none while it is contested", async () => {
  const { x, y, radius } = CROSSROADS.hill;
  const match = rulesMatch({
    settings: { mode: "koth", arena: "Crossroads" },
    ships: {
      Ada: { at: { x: x - radius / 2, y: y - 60 }, team: 1 },
      Grace: { at: { x: x + radius + 200, y }, team: 2 },
    },
  });
  await match.wait(3 * TICK_RATE);
  expect(match.world.hill).toBe("red");
  expect([match.world.redScore, match.world.blueScore]).toEqual([3, 0]);

  // Grace comes onto the hill: contested, and the scores stand still.
  match.ship("Grace").moveTo({ x: x + radius / 2, y: y + 60 });
  await match.until(() => match.world.hill === "contested", "the hill to be contested");
  const red = match.world.redScore;
  await match.wait(3 * TICK_RATE);
  expect([match.world.redScore, match.world.blueScore]).toEqual([red, 0]);
});
// #endregion
