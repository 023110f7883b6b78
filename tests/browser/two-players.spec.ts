import { expect, test, type Page } from "@playwright/test";
import type { ProbeSnapshot } from "../../game/probe.ts";
import { startGameServer, type RunningGameServer } from "../support/gameServer.ts";

let server: RunningGameServer;

test.beforeAll(async () => {
  server = await startGameServer({ BOTS: "0" });
});
test.afterAll(async () => {
  await server?.stop();
});

function probe(page: Page): Promise<ProbeSnapshot | undefined> {
  return page.evaluate(() => window.__probe);
}

async function shipX(page: Page, id: string): Promise<number> {
  const snapshot = await probe(page);
  const ship = snapshot?.ships.find((s) => s.id === id);
  if (!ship) throw new Error(`ship ${id} is not on this page`);
  return ship.x;
}

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
  const alphaContext = await browser.newContext();
  const bravoContext = await browser.newContext();
  try {
    const alpha = await alphaContext.newPage();
    const bravo = await bravoContext.newPage();
    await alpha.goto(`${server.url}?name=Alpha`);
    await bravo.goto(`${server.url}?name=Bravo&renderer=canvas`);

    for (const page of [alpha, bravo]) {
      await expect.poll(async () => (await probe(page))?.ready, { message: "page joined the arena" }).toBe(true);
      await expect.poll(async () => (await probe(page))?.ships.length, { message: "both ships on screen" }).toBe(2);
    }
    expect((await probe(alpha))!.renderer).toBe("webgl");
    expect((await probe(bravo))!.renderer).toBe("canvas");

    const alphaId = (await probe(alpha))!.sessionId!;
    const names = (await probe(bravo))!.ships.map((s) => s.name).sort();
    expect(names).toEqual(["Alpha", "Bravo"]);
    const startOnAlpha = await shipX(alpha, alphaId);
    const startOnBravo = await shipX(bravo, alphaId);
    expect(startOnBravo).toBe(startOnAlpha);

    // Alpha spawns in the top-left corner with a clear run to the right.
    const tracking = trackShip(bravo, alphaId, 120);
    await alpha.keyboard.down("KeyD");
    try {
      const xs = await tracking;
      expect(xs.at(-1)! - startOnBravo, `Bravo saw Alpha move: ${xs.join(", ")}`).toBeGreaterThan(40);
      await expect.poll(() => shipX(alpha, alphaId), { message: "Alpha's own ship moved" }).toBeGreaterThan(startOnAlpha + 40);

      // Interpolated, a remote ship moves on nearly every frame while it travels, not once per patch.
      const steps = xs.slice(1).map((x, i) => x - xs[i]!);
      const first = steps.findIndex((step) => step !== 0);
      const last = steps.findLastIndex((step) => step !== 0);
      const travel = steps.slice(first, last + 1);
      expect(travel.length, `frames in motion: ${xs.join(", ")}`).toBeGreaterThan(15);
      expect(travel.every((step) => step >= 0), `x never goes back: ${xs.join(", ")}`).toBe(true);
      expect(travel.filter((step) => step > 0).length, `frames with movement: ${xs.join(", ")}`).toBeGreaterThanOrEqual(travel.length * 0.8);
    } finally {
      await alpha.keyboard.up("KeyD");
    }

    for (const [name, page] of [["alpha", alpha], ["bravo", bravo]] as const) {
      const path = testInfo.outputPath(`${name}.png`);
      await page.screenshot({ path });
      await testInfo.attach(`${name} screenshot`, { path, contentType: "image/png" });
    }
  } finally {
    await alphaContext.close();
    await bravoContext.close();
  }
});
