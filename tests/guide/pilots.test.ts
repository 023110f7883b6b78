// docs/testing.md, "Scripted players": a target flying a path, a shooter that
// leads it, and the same shooter aiming where the target is (the control).
import { describe, expect, it } from "vitest";
import { levels, scenario, useTestServer } from "../kit/index.ts";

const server = useTestServer();

// #region leading
/** Grace sweeps up and down the open strip on Crossroads' right; Ada, beside it, fires `shots` as she crosses the middle. */
function sweepAndFire(lead: boolean, shots: number) {
  return scenario(
    { ships: { Ada: { at: { x: 1100, y: 360 } }, Grace: { at: { x: 1240, y: 120 }, health: 1000 } }, rttMs: 100, jitterMs: 10 },
    async (match) => {
      const grace = match.ship("Grace");
      grace.follow(
        [
          { x: 1240, y: 620 },
          { x: 1240, y: 120 },
        ],
        true,
      );
      match.ship("Ada").aimAt("Grace", lead);
      const crossing = () => Math.abs(grace.state.y - 370) < 110 && Math.abs(grace.state.vy) > 250;
      for (let shot = 1; shot <= shots; shot++) {
        await match.until(crossing, "Grace crossing the middle of her sweep");
        match.ship("Ada").fire();
        await match.until(() => match.events.filter((event) => event.type === "shot").length === shot, `shot ${shot}`);
        await match.until(() => match.world.bullets.size === 0, "the shot to land");
        await match.until(() => !crossing(), "Grace to leave the middle");
      }
      return match.events.filter((event) => event.type === "hit").length;
    },
  );
}
// #endregion

describe.each(levels(server))("at the %s level", (_level, play) => {
  it("a pilot that leads a moving target hits it; aiming where it is misses", async () => {
    const led = await play(sweepAndFire(true, 4));
    const unled = await play(sweepAndFire(false, 4));
    expect(led).toBeGreaterThanOrEqual(3);
    expect(unled).toBeLessThanOrEqual(1);
  }, 60_000);
});
