import { expect, test } from "@playwright/test";
import { startGameServer, type RunningGameServer } from "../support/gameServer.ts";
import { enterFromLobby, joined, knockOut, probe, saveScreenshot, ship } from "../support/pages.ts";

let server: RunningGameServer;

test.beforeAll(async () => {
  server = await startGameServer({ BOTS: "0" });
});
test.afterAll(async () => {
  await server?.stop();
});

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
  } finally {
    await alphaContext.close();
    await bravoContext.close();
  }
});
