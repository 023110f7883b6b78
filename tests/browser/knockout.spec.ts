import { expect, test } from "@playwright/test";
import { knockOut, probe, saveScreenshot, ship, useGameServer, withTwoPlayers } from "../support/pages.ts";

const server = useGameServer({ BOTS: "0" });

test("Alpha shoots Bravo until Bravo is knocked out; both see it in the feed and the scores", async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  await withTwoPlayers(browser, server.url, async ({ alpha, bravo, alphaId, bravoId }) => {
    await knockOut(alpha, alphaId, bravo, bravoId);

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
  });
});
