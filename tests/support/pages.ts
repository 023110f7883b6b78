// Reading and steering game pages in browser tests, through the read-only probe.
import { expect, type Page, type TestInfo } from "@playwright/test";
import type { ProbeShip, ProbeSnapshot } from "../../game/probe.ts";

export async function probe(page: Page): Promise<ProbeSnapshot> {
  const snapshot = await page.evaluate(() => window.__probe);
  if (!snapshot) throw new Error("the game has not published its probe yet");
  return snapshot;
}

export async function ship(page: Page, id: string): Promise<ProbeShip> {
  const found = (await probe(page)).ships.find((s) => s.id === id);
  if (!found) throw new Error(`ship ${id} is not on this page`);
  return found;
}

/** Opens the game at `url`, types a name in the lobby and presses `button` (Quick Play by default). */
export async function enterFromLobby(page: Page, url: string, name: string, button = "Quick Play"): Promise<void> {
  await page.goto(url);
  await page.locator("#lobby-name").fill(name);
  await page.getByRole("button", { name: button }).click();
}

/** Waits until the page has joined and shows `ships` ships; returns our session id. */
export async function joined(page: Page, ships: number): Promise<string> {
  await expect.poll(async () => (await page.evaluate(() => window.__probe?.ready)) ?? false, { message: "page joined the arena" }).toBe(true);
  await expect.poll(async () => (await probe(page)).ships.length, { message: `${ships} ships on screen` }).toBe(ships);
  return (await probe(page)).sessionId!;
}

/** Taps the movement keys until our ship rests within `tolerance` px of `target` on one axis. */
export async function steer(page: Page, id: string, axis: "x" | "y", target: number, tolerance = 10): Promise<void> {
  const [less, more] = axis === "x" ? ["KeyA", "KeyD"] : ["KeyW", "KeyS"];
  for (let attempt = 0; attempt < 25; attempt++) {
    const offset = target - (await ship(page, id))[axis];
    if (Math.abs(offset) <= tolerance) {
      await page.waitForTimeout(300);
      if (Math.abs(target - (await ship(page, id))[axis]) <= tolerance) return;
      continue;
    }
    const key = offset > 0 ? more : less;
    await page.keyboard.down(key);
    await page.waitForTimeout(Math.min(600, Math.max(30, Math.abs(offset) * 1.2)));
    await page.keyboard.up(key);
    await page.waitForTimeout(450);
  }
  throw new Error(`could not steer ship ${id} to ${axis}=${target}; it is at ${axis}=${(await ship(page, id))[axis]}`);
}

export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(`${name} screenshot`, { path, contentType: "image/png" });
}
