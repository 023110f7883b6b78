import { expect, test } from "@playwright/test";
import { enterFromLobby, joined, probe, saveScreenshot, useGameServer } from "../support/pages.ts";
import { severableLink } from "../support/severableLink.ts";

const server = useGameServer({ BOTS: "0" });

test("after the network drops and the game reconnects by itself, a page reload still resumes the same ship", async ({ browser }, testInfo) => {
  test.setTimeout(60_000);
  const link = await severableLink(server.url);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await enterFromLobby(page, `${link.url}?renderer=canvas`, "Alpha");
    const id = await joined(page, 1);
    const code = (await probe(page)).roomCode;

    // The SDK reconnects by itself only once a room has been up for 5 s (its minUptime).
    await expect.poll(async () => (await probe(page)).reconnectsByItself, { message: "the SDK ready to reconnect", intervals: [250] }).toBe(true);
    // The network drops for 4 s: the game says it is reconnecting, then resumes the same ship by itself.
    const outage = link.cut(4000);
    await expect.poll(async () => (await probe(page)).status, { message: "the reconnecting notice" }).toBe("reconnecting");
    await saveScreenshot(page, testInfo, "reconnecting");
    await outage;
    await expect.poll(async () => (await probe(page)).status, { message: "the automatic reconnection", timeout: 20_000 }).toBe("playing");
    // Back in the same ship, not in the lobby (whose message would say why).
    const lobbyMessage = (await page.locator("#lobby").isVisible()) ? await page.locator("#lobby-message").textContent() : "";
    expect((await probe(page)).sessionId, `the same ship after reconnecting (lobby says: "${lobbyMessage}")`).toBe(id);

    // Then the player reloads the page: still the same ship in the same room, and no second one.
    await page.reload();
    await joined(page, 1);
    const resumed = await probe(page);
    expect(resumed.sessionId).toBe(id);
    expect(resumed.roomCode).toBe(code);
    expect(resumed.ships.filter((ship) => !ship.bot).map((ship) => ship.name)).toEqual(["Alpha"]);
    await saveScreenshot(page, testInfo, "after-reload");
  } finally {
    await context.close();
    await link.close();
  }
});
