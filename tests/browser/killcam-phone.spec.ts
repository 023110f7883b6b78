// The killcam on a phone-sized touch screen, in a server of its own: the knockout
// spec's players leave ships held for their reconnection, which Quick Play would join.
import { expect, test } from "@playwright/test";
import { KILLCAM_VIEWPORT } from "../../game/arena/KillcamCard.ts";
import { actOnKillcam, enterFromLobby, joined, knockOut, probe, saveScreenshot, useGameServer } from "../support/pages.ts";

const server = useGameServer({ BOTS: "0" });

test("on a phone, the killcam fits its card, and Skip and Report are taps", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const desk = await browser.newContext();
  const phone = await browser.newContext({ viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  try {
    const alpha = await desk.newPage();
    const bravo = await phone.newPage();
    await enterFromLobby(alpha, `${server.url}?renderer=canvas`, "Alpha");
    const alphaId = await joined(alpha, 1);
    await enterFromLobby(bravo, `${server.url}?renderer=canvas`, "Bravo");
    const bravoId = await joined(bravo, 2);
    await knockOut(alpha, alphaId, bravo, bravoId);
    await expect.poll(async () => (await probe(bravo)).killcam.shown, { message: "the phone's killcam opens", intervals: [50] }).toBe(1);
    await expect.poll(async () => (await probe(bravo)).killcam.played, { message: "the killcam plays a moment" }).toBeGreaterThan(15);
    await saveScreenshot(bravo, testInfo, "phone-killcam");
    // Skip, where the card draws it: its right end, under the killcam's window (arena 1280 × 720 fitted to the screen).
    const canvas = (await bravo.locator("canvas").first().boundingBox())!;
    const scale = canvas.width / 1280;
    const tapSkip = () =>
      bravo.touchscreen.tap(
        canvas.x + (KILLCAM_VIEWPORT.x + KILLCAM_VIEWPORT.width - 40) * scale,
        canvas.y + (KILLCAM_VIEWPORT.y + KILLCAM_VIEWPORT.height + 22) * scale,
      );
    // The screenshot took its time: the tap is tried on a killcam of its own, the moment it opens.
    const skipped = await actOnKillcam({ shooter: alpha, shooterId: alphaId, target: bravo, targetId: bravoId }, tapSkip);
    expect(skipped.closedBy).toBe("skip");

    // Report, beside the KO card, is a tap too: the phone saves the round's last half minute.
    const saved = bravo.waitForEvent("download");
    await actOnKillcam({ shooter: alpha, shooterId: alphaId, target: bravo, targetId: bravoId }, async () => {
      const report = (await probe(bravo)).reportButton;
      if (!report) return;
      await saveScreenshot(bravo, testInfo, "phone-report");
      await bravo.touchscreen.tap(canvas.x + report.x * scale, canvas.y + report.y * scale);
    });
    expect((await saved).suggestedFilename()).toMatch(/-last-30s-/);
  } finally {
    await Promise.all([desk.close(), phone.close()]);
  }
});
