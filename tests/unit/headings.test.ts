// Where other players see a hull point: its heading follows the aim once the aim has
// turned past the tolerance, and a knocked-out ship, which nobody sees, sends none.
import { describe, expect, it } from "vitest";
import { HEADING_TOLERANCE, updateHeadings } from "../../server/Headings.ts";
import { angleBetween } from "../../shared/geometry.ts";
import { Ship } from "../../shared/schema.ts";

/** A ship in play, aiming (and drawn) along `angle`. */
function shipAt(angle: number): Ship {
  const ship = new Ship();
  ship.alive = true;
  ship.aim = angle;
  ship.heading = angle;
  return ship;
}

describe("headings", () => {
  it("follow the aim once it has turned past the tolerance, and never lag it by more", () => {
    const ship = shipAt(1);
    const sent: number[] = [];
    // The aim sweeps a quarter turn in small steps, as a mouse moves it.
    for (let aim = 1; aim <= 1 + Math.PI / 2; aim += 0.01) {
      ship.aim = aim;
      const before = ship.heading;
      updateHeadings([ship]);
      if (ship.heading !== before) sent.push(ship.heading);
      expect(Math.abs(angleBetween(ship.heading, ship.aim))).toBeLessThanOrEqual(HEADING_TOLERANCE);
    }
    // A heading a step of some 4°, not one for each of the 157 small steps.
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.length).toBeLessThan(30);
  });

  it("are not sent for a knocked-out ship, whose player's aim still moves, and catch up as it comes back", () => {
    const [inPlay, out] = [shipAt(1), shipAt(1)];
    out.alive = false;
    for (const ship of [inPlay, out]) ship.aim = 2;
    updateHeadings([inPlay, out]);
    expect(Math.abs(angleBetween(inPlay.heading, 2))).toBeLessThan(0.02);
    expect(out.heading).toBe(shipAt(1).heading);
    out.alive = true;
    updateHeadings([out]);
    expect(out.heading).toBe(inPlay.heading);
  });
});
