// The bandwidth budget: what a client receives in a 16-ship fight, patches and
// messages. The fight is stepped and its patches encoded and decoded, and its
// messages framed, without sockets, so every figure is an exact byte count (the
// same run gives the same bytes), not a timing.
import { describe, expect, it } from "vitest";
import { PATCH_RATE } from "../../shared/constants.ts";
import { measurePatchCost } from "../../scripts/lib/patchCost.ts";
import { MODE_NAMES } from "../../shared/modes/index.ts";

/** At most this much per client per second (3 KB), everything included: patches and messages. */
const BYTES_PER_CLIENT_PER_SECOND = 3000;
/** At most this much to tell a client that one ship moved. */
const BYTES_PER_MOVING_SHIP_PER_PATCH = 8;

// In every mode: a team mode adds a team to each ship (a byte that almost never changes) and the
// team scores; King of the Hill the hill's holder as well.
describe.each(MODE_NAMES)("bandwidth budget, 16 ships in combat (%s)", (mode) => {
  // Four ships start the fight and twelve more join one a second while bullets
  // fly, as a public room fills; then 30 s are measured.
  const cost = measurePatchCost({ ships: 16, shipsAtStart: 4, seconds: 30, mode });
  console.log(`patch cost (${mode}): ${JSON.stringify(cost)}`);

  it("is a real fight: most ships move in every patch, bullets fly and ships are knocked out", () => {
    expect(cost.patches).toBe(30 * PATCH_RATE);
    expect(cost.movingShipsPerPatch).toBeGreaterThan(8);
    // Each knock-out is told to everyone: they are counted (more than one a second).
    expect(cost.kosPerSecond).toBeGreaterThan(1);
    expect(cost.messageBytesPerClientPerSecond).toBeGreaterThan(0);
    // At least 25 shots a second (in teams bots hold fire while only teammates are in sight).
    expect(cost.shotsPerPatch * PATCH_RATE).toBeGreaterThanOrEqual(25);
  });

  it(`sends a client at most ${BYTES_PER_CLIENT_PER_SECOND / 1000} KB/s at ${PATCH_RATE} patches a second, messages included`, () => {
    expect(PATCH_RATE).toBeGreaterThanOrEqual(20);
    expect(cost.bytesPerClientPerSecond).toBe(cost.patchBytesPerClientPerSecond + cost.messageBytesPerClientPerSecond);
    expect(cost.bytesPerClientPerSecond).toBeLessThanOrEqual(BYTES_PER_CLIENT_PER_SECOND);
  });

  it(`tells a client that a ship moved in at most ${BYTES_PER_MOVING_SHIP_PER_PATCH} bytes`, () => {
    expect(cost.bytesPerMovingShipPerPatch).toBeLessThanOrEqual(BYTES_PER_MOVING_SHIP_PER_PATCH);
  });
});
