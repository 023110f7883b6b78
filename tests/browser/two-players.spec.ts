import { expect, test, type Page } from "@playwright/test";
import { probe, saveScreenshot, ship, useGameServer, withTwoPlayers } from "../support/pages.ts";

const server = useGameServer({ BOTS: "0" });

/** Records where `page` draws ship `id` on each of its next `frames` frames. */
function trackShip(page: Page, id: string, frames: number): Promise<number[]> {
  return page.evaluate(
    ([shipId, count]) =>
      new Promise<number[]>((resolve) => {
        const xs: number[] = [];
        let lastFrame = -1;
        const sample = () => {
          const snapshot = window.__probe!;
          if (snapshot.frames !== lastFrame) {
            lastFrame = snapshot.frames;
            xs.push(snapshot.ships.find((s) => s.id === shipId)!.x);
          }
          if (xs.length >= count) resolve(xs);
          else requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      }),
    [id, frames] as const,
  );
}

test("a second player sees the first player's ship move smoothly", async ({ browser }, testInfo) => {
  await withTwoPlayers(browser, server.url, async ({ alpha, bravo, alphaId }) => {
    expect((await probe(alpha)).renderer).toBe("webgl");
    expect((await probe(bravo)).renderer).toBe("canvas");
    expect((await probe(bravo)).roomCode).toBe((await probe(alpha)).roomCode);
    expect((await probe(bravo)).ships.map((s) => s.name).sort()).toEqual(["Alpha", "Bravo"]);

    const startOnAlpha = (await ship(alpha, alphaId)).x;
    const startOnBravo = (await ship(bravo, alphaId)).x;
    expect(startOnBravo).toBe(startOnAlpha);

    // Alpha spawns in the top-left corner with a clear run to the right.
    const tracking = trackShip(bravo, alphaId, 120);
    await alpha.keyboard.down("KeyD");
    try {
      const xs = await tracking;
      expect(xs.at(-1)! - startOnBravo, `Bravo saw Alpha move: ${xs.join(", ")}`).toBeGreaterThan(40);
      await expect.poll(async () => (await ship(alpha, alphaId)).x, { message: "Alpha's own ship moved" }).toBeGreaterThan(startOnAlpha + 40);

      // Interpolated, a remote ship moves on nearly every frame while it travels, not once per patch.
      const steps = xs.slice(1).map((x, i) => x - xs[i]!);
      const first = steps.findIndex((step) => step !== 0);
      const last = steps.findLastIndex((step) => step !== 0);
      const travel = steps.slice(first, last + 1);
      expect(travel.length, `frames in motion: ${xs.join(", ")}`).toBeGreaterThan(15);
      expect(
        travel.every((step) => step >= 0),
        `x never goes back: ${xs.join(", ")}`,
      ).toBe(true);
      expect(travel.filter((step) => step > 0).length, `frames with movement: ${xs.join(", ")}`).toBeGreaterThanOrEqual(travel.length * 0.8);
    } finally {
      await alpha.keyboard.up("KeyD");
    }

    await saveScreenshot(alpha, testInfo, "alpha");
    await saveScreenshot(bravo, testInfo, "bravo");
  });
});
