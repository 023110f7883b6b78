import { expect, test } from "@playwright/test";
import { startGameServer, type RunningGameServer } from "../support/gameServer.ts";
import { enterFromLobby, joined, probe, saveScreenshot, ship, steer } from "../support/pages.ts";

let server: RunningGameServer;

test.beforeAll(async () => {
  server = await startGameServer({ BOTS: "0" });
});
test.afterAll(async () => {
  await server?.stop();
});

/** On Crossroads a bullet crosses the whole arena along y = 295: above the pillar, below the corner walls. */
const OPEN_LANE_Y = 295;

test("Alpha shoots Bravo until Bravo is knocked out; both see it in the feed and the scores", async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const alphaContext = await browser.newContext();
  const bravoContext = await browser.newContext();
  try {
    const alpha = await alphaContext.newPage();
    const bravo = await bravoContext.newPage();
    await enterFromLobby(alpha, server.url, "Alpha");
    const alphaId = await joined(alpha, 1);
    await enterFromLobby(bravo, `${server.url}?renderer=canvas`, "Bravo");
    const bravoId = await joined(bravo, 2);
    await joined(alpha, 2);

    await Promise.all([steer(alpha, alphaId, "y", OPEN_LANE_Y), steer(bravo, bravoId, "y", OPEN_LANE_Y)]);
    // Close in along the lane: bullets only fly about 760 px.
    await steer(alpha, alphaId, "x", 520, 40);

    // Aim at Bravo as Alpha's screen shows it, and hold the trigger until the KO.
    await alpha.mouse.move(0, 0);
    await alpha.mouse.down();
    try {
      await expect
        .poll(
          async () => {
            const target = await ship(alpha, bravoId);
            if (target.alive) await alpha.mouse.move(target.x, target.y);
            return (await ship(bravo, bravoId)).deaths;
          },
          { message: "Bravo is knocked out", timeout: 20_000, intervals: [100] },
        )
        .toBe(1);
    } finally {
      await alpha.mouse.up();
    }

    const feedLine = "Alpha  ✕  Bravo";
    for (const page of [alpha, bravo]) {
      await expect.poll(async () => (await probe(page)).feed, { message: "the KO is in the kill feed" }).toContain(feedLine);
      await expect.poll(async () => (await ship(page, alphaId)).kos, { message: "Alpha's score" }).toBe(1);
      expect((await ship(page, bravoId)).deaths).toBe(1);
    }
    expect((await ship(bravo, bravoId)).alive).toBe(false);
    await saveScreenshot(alpha, testInfo, "alpha-after-ko");
    await saveScreenshot(bravo, testInfo, "bravo-knocked-out");
    await bravo.keyboard.down("Tab");
    await saveScreenshot(bravo, testInfo, "bravo-scoreboard");
    await bravo.keyboard.up("Tab");
  } finally {
    await alphaContext.close();
    await bravoContext.close();
  }
});
