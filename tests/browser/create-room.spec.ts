// A private room made from the lobby's form: the server's settings filled in,
// changed by the player, refused out of range, and then played by, on a desktop
// and on a phone (held sideways, as the game is played: the lobby scrolls there).
import { expect, test, type Page } from "@playwright/test";
import { CREATE_PRIVATE_ROOM, joined, probe, saveScreenshot, useGameServer } from "../support/pages.ts";

const server = useGameServer({ BOTS: "2", KO_TARGET: "12" });

/** Opens the lobby, names the player and opens the form; returns a locator of each setting's box. */
async function openForm(page: Page, name: string, tap: boolean) {
  await page.goto(`${server.url}?renderer=canvas`);
  await page.locator("#lobby-name").fill(name);
  const create = page.getByRole("button", { name: CREATE_PRIVATE_ROOM });
  await (tap ? create.tap() : create.click());
  const form = page.locator("#create-room");
  await expect(form).toBeVisible();
  const box = (setting: string) => form.locator(`[name=${setting}]`);
  // The server's settings are filled in: its KO target and bots here, the game's round length and room size.
  await expect(box("koTarget")).toHaveValue("12");
  await expect(box("bots")).toHaveValue("2");
  await expect(box("roundSeconds")).toHaveValue("180");
  await expect(box("maxPlayers")).toHaveValue("16");
  await expect(box("arena")).toHaveValue("rotate");
  await expect(box("mode")).toHaveValue("ffa");
  return box;
}

test("the create form starts from the server's settings, refuses one out of range, and the room plays by what was chosen", async ({ page }, testInfo) => {
  const box = await openForm(page, "Maker", false);
  await saveScreenshot(page, testInfo, "create-form-desktop");

  await box("koTarget").fill("0");
  await page.getByRole("button", { name: "Create room" }).click();
  await expect(page.locator("#create-room")).toContainText("KO target is a whole number from 1 to 1000.");
  // Positive control for what follows: the form stayed, nothing was created.
  await expect(page.locator("#lobby")).toBeVisible();
  await saveScreenshot(page, testInfo, "create-form-refused");

  await box("koTarget").fill("5");
  await box("roundSeconds").fill("90");
  await box("bots").fill("4");
  await box("maxPlayers").fill("6");
  await box("arena").selectOption("Foundry");
  await page.getByRole("button", { name: "Create room" }).click();
  await joined(page, 4);
  const state = await probe(page);
  expect(state.roomCode).toMatch(/^[A-Z2-9]{5}$/);
  // The room plays by it: its arena, KO target and clock, as its scoreboard tells them.
  const scoreboard = await (await fetch(`${server.url}api/rooms/${state.roomCode}/scoreboard`)).json();
  expect(scoreboard).toMatchObject({ koTarget: 5, layout: "Foundry" });
  expect(scoreboard.secondsLeft).toBeLessThanOrEqual(90);
  expect(scoreboard.secondsLeft).toBeGreaterThan(60);
  await saveScreenshot(page, testInfo, "created-room-hud");
});

test("on a phone, the form fits the screen's width and creates the room by touch", async ({ browser }, testInfo) => {
  const phone = await browser.newContext({ viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  try {
    const page = await phone.newPage();
    const box = await openForm(page, "Thumb", true);
    // No box is cut off at the side (the lobby scrolls up and down on a screen this short).
    for (const setting of ["mode", "roundSeconds", "koTarget", "holdTarget", "bots", "maxPlayers", "arena"]) {
      const bounds = (await box(setting).boundingBox())!;
      expect(bounds.x, setting).toBeGreaterThanOrEqual(0);
      expect(bounds.x + bounds.width, setting).toBeLessThanOrEqual(844);
    }
    await box("roundSeconds").scrollIntoViewIfNeeded();
    await saveScreenshot(page, testInfo, "create-form-phone");
    await box("bots").fill("1");
    await page.getByRole("button", { name: "Create room" }).tap();
    await joined(page, 1);
  } finally {
    await phone.close();
  }
});
