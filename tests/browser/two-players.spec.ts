import { expect, test, type Page } from "@playwright/test";
import { probe, saveScreenshot, ship, useGameServer, withTwoPlayers } from "../support/pages.ts";

const server = useGameServer({ BOTS: "0" });

/** Where `page` draws ship `id` on each of its next `frames` frames, and how many patches it had received by each. */
function trackShip(page: Page, id: string, frames: number): Promise<Array<{ x: number; patches: number }>> {
  return page.evaluate(
    ([shipId, count]) =>
      new Promise<Array<{ x: number; patches: number }>>((resolve) => {
        const seen: Array<{ x: number; patches: number }> = [];
        let lastFrame = -1;
        const sample = () => {
          const snapshot = window.__probe!;
          if (snapshot.frames !== lastFrame) {
            lastFrame = snapshot.frames;
            seen.push({ x: snapshot.ships.find((s) => s.id === shipId)!.x, patches: snapshot.net.patchesReceived });
          }
          if (seen.length >= count) resolve(seen);
          else requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      }),
    [id, frames] as const,
  );
}

/**
 * The frames grouped by the patch they followed: for each stretch between two
 * patches, on how many of its frames the ship was drawn further on.
 */
function movesPerPatch(frames: Array<{ x: number; patches: number }>): Array<{ frames: number; moved: number }> {
  const stretches = new Map<number, { frames: number; moved: number }>();
  for (let i = 1; i < frames.length; i++) {
    const stretch = stretches.get(frames[i]!.patches) ?? { frames: 0, moved: 0 };
    stretch.frames++;
    if (frames[i]!.x !== frames[i - 1]!.x) stretch.moved++;
    stretches.set(frames[i]!.patches, stretch);
  }
  return [...stretches.values()];
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
      const frames = await tracking;
      const xs = frames.map((frame) => frame.x);
      expect(xs.at(-1)! - startOnBravo, `Bravo saw Alpha move: ${xs.join(", ")}`).toBeGreaterThan(40);
      await expect.poll(async () => (await ship(alpha, alphaId)).x, { message: "Alpha's own ship moved" }).toBeGreaterThan(startOnAlpha + 40);

      // Interpolated, a remote ship moves on the frames between patches, not once per patch: in the stretches
      // between two patches that span several frames while it travels, it moves on more than one of them.
      const steps = xs.slice(1).map((x, i) => x - xs[i]!);
      const first = steps.findIndex((step) => step !== 0);
      const last = steps.findLastIndex((step) => step !== 0);
      const travel = steps.slice(first, last + 1);
      expect(travel.length, `frames in motion: ${xs.join(", ")}`).toBeGreaterThan(15);
      expect(
        travel.every((step) => step >= 0),
        `x never goes back: ${xs.join(", ")}`,
      ).toBe(true);
      const stretches = movesPerPatch(frames.slice(first, last + 2)).filter((stretch) => stretch.frames >= 2);
      const smooth = stretches.filter((stretch) => stretch.moved >= 2);
      expect(stretches.length, "stretches of several frames between patches").toBeGreaterThan(5);
      expect(smooth.length, `moves per stretch between patches: ${stretches.map((s) => `${s.moved}/${s.frames}`).join(" ")}`).toBeGreaterThanOrEqual(
        stretches.length * 0.8,
      );
    } finally {
      await alpha.keyboard.up("KeyD");
    }

    await saveScreenshot(alpha, testInfo, "alpha");
    await saveScreenshot(bravo, testInfo, "bravo");
  });
});
