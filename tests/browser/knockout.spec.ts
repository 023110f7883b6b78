import { expect, test } from "@playwright/test";
import { actOnKillcam, knockOut, probe, saveScreenshot, ship, useGameServer, withTwoPlayers } from "../support/pages.ts";

const server = useGameServer({ BOTS: "0" });

test("Alpha shoots Bravo until Bravo is knocked out; both see it in the feed and the scores", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  await withTwoPlayers(browser, server.url, async ({ alpha, bravo, alphaId, bravoId }) => {
    await knockOut(alpha, alphaId, bravo, bravoId);

    const feedLine = "Alpha  ✕  Bravo";
    for (const page of [alpha, bravo]) {
      await expect.poll(async () => (await probe(page)).feed, { message: "the KO is in the kill feed" }).toContain(feedLine);
      await expect.poll(async () => (await ship(page, alphaId)).kos, { message: "Alpha's score" }).toBe(1);
      expect((await ship(page, bravoId)).deaths).toBe(1);
    }
    await saveScreenshot(alpha, testInfo, "alpha-after-ko");
    // Bravo's KO card plays the killcam: Alpha's side of the last seconds, played back from what Bravo's page was shown.
    await expect.poll(async () => (await probe(bravo)).killcam.shown, { message: "Bravo's killcam opens", intervals: [50] }).toBe(1);
    await saveScreenshot(bravo, testInfo, "bravo-knocked-out");
    // It never holds Bravo back: it closes as Bravo's ship returns, having played Alpha's view to its end or near.
    await expect.poll(async () => (await probe(bravo)).killcam.closedBy, { message: "the killcam closes as Bravo respawns" }).toBe("respawn");
    const killcam = (await probe(bravo)).killcam;
    expect(killcam.killer).toBe(alphaId);
    expect(killcam.length).toBeGreaterThan(2.5 * 30);
    expect(killcam.played).toBeGreaterThan(killcam.length * 0.6);
    console.log(`killcam: ${(killcam.length / 30).toFixed(1)} s`);
    await expect.poll(async () => (await ship(bravo, bravoId)).alive, { message: "Bravo respawns" }).toBe(true);
    // Alpha, who was not knocked out, was shown none.
    expect((await probe(alpha)).killcam.shown).toBe(0);

    // Knocked out again: Esc skips the killcam at once (Bravo still down), and opens no settings.
    const skipped = await actOnKillcam({ shooter: alpha, shooterId: alphaId, target: bravo, targetId: bravoId }, () => bravo.keyboard.press("Escape"));
    expect(skipped.closedBy).toBe("skip");
    await expect(bravo.locator("#settings")).toBeHidden();
    await bravo.keyboard.down("Tab");
    await saveScreenshot(bravo, testInfo, "bravo-scoreboard");
    await bravo.keyboard.up("Tab");
  });
});
