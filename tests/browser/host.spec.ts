// The host of a private room in the browser: the panel (from Settings), a setting
// changed for the next round, and a player removed, who is told so in the lobby
// and cannot come back from that browser under any name; on a phone the panel
// opens and works by touch.
import { expect, test } from "@playwright/test";
import { enterFromLobby, joined, probe, saveScreenshot, useGameServer } from "../support/pages.ts";

const server = useGameServer({ BOTS: "0" });

test("the host's panel changes a setting and removes a player, who stays out from that browser", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const [host, guest] = await Promise.all(contexts.map((context) => context.newPage()));
    await enterFromLobby(host!, `${server.url}?renderer=canvas`, "Hostess", "Create private room");
    await joined(host!, 1);
    const code = (await probe(host!)).roomCode!;
    await enterFromLobby(guest!, `${server.url}?room=${code}&renderer=canvas`, "Guest", "Join by code");
    await joined(guest!, 2);

    // Positive control: the guest's settings have no host controls; the host's do.
    await guest!.keyboard.press("Escape");
    await expect(guest!.locator("#settings")).toBeVisible();
    await expect(guest!.getByRole("button", { name: "Host controls…" })).toBeHidden();
    await guest!.keyboard.press("Escape");
    await expect(guest!.locator("#settings")).toBeHidden();
    await host!.keyboard.press("Escape");
    await host!.getByRole("button", { name: "Host controls…" }).click();
    const panel = host!.locator("#host-panel");
    await expect(panel).toBeVisible();
    await expect(panel.locator("#host-players")).toContainText("Guest");
    await panel.locator("[name=koTarget]").fill("7");
    await saveScreenshot(host!, testInfo, "host-panel");
    await panel.getByRole("button", { name: "Apply from the next round" }).click();
    await expect(guest!.locator("#chat-log")).toContainText("The host set the KO target to 7, from the next round.");

    await host!.keyboard.press("Escape");
    await host!.getByRole("button", { name: "Host controls…" }).click();
    await panel.getByRole("button", { name: "Remove" }).click();
    await expect(guest!.locator("#lobby-message")).toHaveText(`Removed by the host of room ${code}.`);
    await saveScreenshot(guest!, testInfo, "removed-guest-lobby");
    expect((await probe(host!)).ships.map((ship) => ship.name)).toEqual(["Hostess"]);

    // Back by the code under another name, from the same browser: refused.
    await guest!.locator("#lobby-name").fill("Someone Else");
    await guest!.locator("#lobby-code").fill(code);
    await guest!.getByRole("button", { name: "Join by code" }).click();
    await expect(guest!.locator("#lobby-message")).toContainText("Removed by the host: you cannot come back into this room.");
    // Another browser gets in (the room is open to others).
    const other = await (await browser.newContext()).newPage();
    await enterFromLobby(other, `${server.url}?room=${code}&renderer=canvas`, "Other", "Join by code");
    await joined(other, 2);
    await other.context().close();
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});

test("on a phone the host's panel fits the screen and works by touch", async ({ browser }, testInfo) => {
  const phone = await browser.newContext({ viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  try {
    const page = await phone.newPage();
    await page.goto(`${server.url}?renderer=canvas`);
    await page.locator("#lobby-name").fill("Thumbs");
    await page.getByRole("button", { name: "Create private room" }).tap();
    await page.getByRole("button", { name: "Create room" }).tap();
    await joined(page, 1);
    // The settings button of the touch controls is on the canvas; the settings menu is opened the way a phone player does.
    await page.evaluate(() => dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" })));
    await page.getByRole("button", { name: "Host controls…" }).tap();
    const panel = page.locator("#host-panel");
    await expect(panel).toBeVisible();
    const bounds = (await panel.boundingBox())!;
    expect(bounds.x).toBeGreaterThanOrEqual(0);
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(844);
    await saveScreenshot(page, testInfo, "host-panel-phone");
    await panel.getByRole("button", { name: "Lock the room" }).tap();
    await expect(panel.getByRole("button", { name: "Unlock the room" })).toBeVisible();
  } finally {
    await phone.close();
  }
});
