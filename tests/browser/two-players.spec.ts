import { expect, test, type Page } from "@playwright/test";
import { probe, saveScreenshot, ship, useGameServer, withTwoPlayers } from "../support/pages.ts";

const server = useGameServer({ BOTS: "0" });

/** Where `page` draws ship `id` on each of its next `frames` frames, and where the latest patch had put it by then. */
function trackShip(page: Page, id: string, frames: number): Promise<Array<{ x: number; synced: number }>> {
  return page.evaluate(
    ([shipId, count]) =>
      new Promise<Array<{ x: number; synced: number }>>((resolve) => {
        const seen: Array<{ x: number; synced: number }> = [];
        let lastFrame = -1;
        const sample = () => {
          const snapshot = window.__probe!;
          if (snapshot.frames !== lastFrame) {
            lastFrame = snapshot.frames;
            const ship = snapshot.ships.find((s) => s.id === shipId)!;
            seen.push({ x: ship.x, synced: ship.syncedX });
          }
          if (seen.length >= count) resolve(seen);
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
      const frames = await tracking;
      const xs = frames.map((frame) => frame.x);
      expect(xs.at(-1)! - startOnBravo, `Bravo saw Alpha move: ${xs.join(", ")}`).toBeGreaterThan(40);
      await expect.poll(async () => (await ship(alpha, alphaId)).x, { message: "Alpha's own ship moved" }).toBeGreaterThan(startOnAlpha + 40);

      const steps = xs.slice(1).map((x, i) => x - xs[i]!);
      const first = steps.findIndex((step) => step !== 0);
      const last = steps.findLastIndex((step) => step !== 0);
      const travel = steps.slice(first, last + 1);
      expect(travel.length, `frames in motion: ${xs.join(", ")}`).toBeGreaterThan(15);
      expect(
        travel.every((step) => step >= 0),
        `x never goes back: ${xs.join(", ")}`,
      ).toBe(true);
      // Snapped to each patch, a ship would only ever be drawn where a patch put it, and move once per patch.
      // Interpolated, it is drawn on its way between two such places: healthy, on nearly every frame; on a busy
      // machine, whose patches come late and in bursts, it waits at the last place for some frames, but still
      // crosses the stretch from each patched position to the next on frames of its own.
      const patched = [...new Set(frames.map((frame) => frame.synced))];
      const inMotion = frames.slice(first + 1, last + 2);
      const between = inMotion.filter((frame) => patched.every((x) => Math.abs(frame.x - x) > 1e-6));
      expect(patched.length, "positions patched while it travelled").toBeGreaterThan(5);
      expect(between.length, `frames drawn between patched positions (${patched.join(", ")}): ${xs.join(", ")}`).toBeGreaterThanOrEqual(patched.length);
    } finally {
      await alpha.keyboard.up("KeyD");
    }

    await saveScreenshot(alpha, testInfo, "alpha");
    await saveScreenshot(bravo, testInfo, "bravo");
  });
});
