// Every device is a player: a phone-sized touch screen moves with the left stick
// and hits with the right while a desktop player watches it move; a gamepad drives
// a ship through the Gamepad API; a phone held upright is asked to turn. Screenshots
// of each device's view are saved.
import { expect, test, type Page } from "@playwright/test";
import { SHIP_HEALTH } from "../../shared/constants.ts";
import {
  alternately,
  CREATE_PRIVATE_ROOM,
  enterFromLobby,
  joined,
  OPEN_LANE_Y,
  probe,
  type Push,
  saveScreenshot,
  ship,
  steer,
  useGameServer,
} from "../support/pages.ts";
import { Thumbs } from "../support/touch.ts";

const server = useGameServer({ BOTS: "0" });
const PHONE = { viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/** Opens the game on a touch page, types a name and taps `button`. */
async function tapIn(page: Page, name: string, button = "Quick Play", beforeTap?: () => Promise<void>): Promise<void> {
  await page.goto(`${server.url}?renderer=canvas`);
  await page.locator("#lobby-name").fill(name);
  await beforeTap?.();
  await page.getByRole("button", { name: button }).tap();
  if (button === CREATE_PRIVATE_ROOM) await page.getByRole("button", { name: "Create room" }).tap();
}

/** A push on the move stick: a short stroke of the left thumb. */
function stickPush(thumbs: Thumbs, page: Page): Push {
  const side = alternately();
  return async (axis, direction, ms, slanted) => {
    const stroke = direction * 70;
    const across = slanted ? side() * 70 : 0;
    await thumbs.down(0, 300, 500);
    await thumbs.move(0, 300 + (axis === "x" ? stroke : across), 500 + (axis === "y" ? stroke : across));
    // A stroke shorter than this is not a push the stick reads.
    await page.waitForTimeout(Math.max(40, ms));
    await thumbs.up(0);
  };
}

test("a phone moves with the left stick and hits with the right, and a desktop player sees it", async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const phone = await browser.newContext(PHONE);
  const desk = await browser.newContext();
  try {
    const thumb = await phone.newPage();
    await tapIn(thumb, "Thumbs", "Quick Play", () => saveScreenshot(thumb, testInfo, "phone-lobby"));
    const thumbId = await joined(thumb, 1);
    const bravo = await desk.newPage();
    await enterFromLobby(bravo, `${server.url}?renderer=canvas`, "Bravo");
    const bravoId = await joined(bravo, 2);
    await joined(thumb, 2);
    expect((await probe(thumb)).device).toBe("touch");
    await saveScreenshot(thumb, testInfo, "phone-landscape");

    // The left stick moves the ship, and the desktop player sees it go.
    const thumbs = await Thumbs.on(thumb);
    const startY = (await ship(bravo, thumbId)).y;
    await thumbs.down(0, 300, 500);
    await thumbs.move(0, 300, 570);
    await expect.poll(async () => (await ship(bravo, thumbId)).y, { message: "the desktop sees the phone's ship move down" }).toBeGreaterThan(startY + 100);
    await thumbs.up(0);

    // Both into the open lane and within range, then the right stick aims at Bravo and fires while held.
    await Promise.all([steer(thumb, thumbId, "y", OPEN_LANE_Y, 14, stickPush(thumbs, thumb)), steer(bravo, bravoId, "y", OPEN_LANE_Y)]);
    await steer(thumb, thumbId, "x", 700, 40, stickPush(thumbs, thumb));
    await thumbs.down(1, 1000, 450);
    await expect
      .poll(
        async () => {
          const me = await ship(thumb, thumbId);
          const target = await ship(thumb, bravoId);
          const length = Math.hypot(target.x - me.x, target.y - me.y) || 1;
          await thumbs.move(1, 1000 + ((target.x - me.x) / length) * 60, 450 + ((target.y - me.y) / length) * 60);
          return (await ship(bravo, bravoId)).health;
        },
        { message: "Bravo is hit by the phone's shots", timeout: 30_000, intervals: [150] },
      )
      .toBeLessThan(SHIP_HEALTH);
    expect((await probe(thumb)).shotsFired).toBeGreaterThan(0);
    await saveScreenshot(thumb, testInfo, "phone-firing");
    await thumbs.up(1);
    await saveScreenshot(bravo, testInfo, "desktop-sees-phone");

    // Held upright, the phone asks to be turned.
    await thumb.setViewportSize({ width: 390, height: 844 });
    await expect(thumb.locator("#rotate")).toBeVisible();
    await saveScreenshot(thumb, testInfo, "phone-portrait");
  } finally {
    await Promise.all([phone.close(), desk.close()]);
  }
});

test("a tablet plays by touch, with its controls named on the hint line", async ({ browser }, testInfo) => {
  const tablet = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
  try {
    const page = await tablet.newPage();
    await tapIn(page, "Tablet", "Create private room");
    await joined(page, 1);
    expect((await probe(page)).device).toBe("touch");
    await saveScreenshot(page, testInfo, "tablet");
  } finally {
    await tablet.close();
  }
});

test("a gamepad moves the ship, fires with the right trigger and shows the scoreboard on Start", async ({ browser }, testInfo) => {
  const context = await browser.newContext();
  // A standard-mapping pad the test holds: navigator.getGamepads() reads window.__pad.
  await context.addInitScript(() => {
    const button = () => ({ pressed: false, touched: false, value: 0 });
    const pad = {
      id: "Test pad (STANDARD GAMEPAD)",
      index: 0,
      connected: false,
      mapping: "standard",
      timestamp: 0,
      axes: [0, 0, 0, 0],
      buttons: Array.from({ length: 17 }, button),
    };
    Object.assign(window, { __pad: pad });
    navigator.getGamepads = () => [pad as unknown as Gamepad];
  });
  try {
    const page = await context.newPage();
    await enterFromLobby(page, `${server.url}?renderer=canvas`, "Padder", "Create private room");
    const id = await joined(page, 1);
    const start = await ship(page, id);
    // Plugged in mid-game (the browser says so, as it does when a pad is first used), then the left stick pushed right and the right stick aimed up.
    await page.evaluate(() => {
      const pad = (window as unknown as { __pad: { connected: boolean; axes: number[] } }).__pad;
      pad.connected = true;
      pad.axes = [1, 0, 0, -1];
      dispatchEvent(new Event("gamepadconnected"));
    });
    await expect.poll(async () => (await ship(page, id)).x, { message: "the pad moves the ship" }).toBeGreaterThan(start.x + 60);
    expect((await probe(page)).device).toBe("gamepad");
    const press = (index: number, pressed: boolean) =>
      page.evaluate(
        ([i, down]) => {
          const pad = (window as unknown as { __pad: { buttons: Array<{ pressed: boolean; value: number }> } }).__pad;
          pad.buttons[i] = { pressed: down, value: down ? 1 : 0 };
        },
        [index, pressed] as const,
      );
    await press(7, true);
    await expect.poll(async () => (await probe(page)).shotsFired, { message: "the right trigger fires" }).toBeGreaterThan(2);
    await press(7, false);
    await press(9, true);
    await expect.poll(async () => (await probe(page)).scoreboard, { message: "Start shows the scoreboard" }).toBe(true);
    await saveScreenshot(page, testInfo, "gamepad-scoreboard");
    await press(9, false);
    await expect.poll(async () => (await probe(page)).scoreboard).toBe(false);
  } finally {
    await context.close();
  }
});

test("settings open with Esc, apply at once and are remembered; the page can be installed", async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await enterFromLobby(page, `${server.url}?renderer=canvas`, "Tuner", "Create private room");
    await joined(page, 1);
    await page.keyboard.press("Escape");
    await expect(page.locator("#settings")).toBeVisible();
    await page.locator("#setting-network").check();
    await expect(page.locator("#network-panel")).toBeVisible();
    await page.locator("#setting-color-blind").check();
    await page.keyboard.press("Escape");
    await expect(page.locator("#settings")).toBeHidden();
    await page.reload();
    await joined(page, 1);
    await expect(page.locator("#network-panel")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.locator("#setting-color-blind")).toBeChecked();
    const manifest = await (await page.request.get(`${server.url}manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ name: "Skirmish", display: "fullscreen", orientation: "landscape" });
    expect((await page.request.get(`${server.url}icon.svg`)).ok()).toBe(true);
  } finally {
    await context.close();
  }
});
