// Thumbs on a touch screen, for browser tests: several touch points at once through
// the Chrome DevTools Protocol (Playwright's own touchscreen only taps), placed in
// arena coordinates and mapped onto the page through the game canvas.
import type { CDPSession, Page } from "@playwright/test";
import { ARENA_WIDTH } from "../../shared/constants.ts";

export class Thumbs {
  private readonly points = new Map<number, { x: number; y: number }>();
  private readonly page: Page;
  private readonly cdp: CDPSession;

  private constructor(page: Page, cdp: CDPSession) {
    this.page = page;
    this.cdp = cdp;
  }

  static async on(page: Page): Promise<Thumbs> {
    return new Thumbs(page, await page.context().newCDPSession(page));
  }

  /** Puts thumb `id` down at arena point (x, y). */
  async down(id: number, x: number, y: number): Promise<void> {
    this.points.set(id, await this.toPage(x, y));
    await this.send("touchStart");
  }

  /** Slides thumb `id` to arena point (x, y). */
  async move(id: number, x: number, y: number): Promise<void> {
    this.points.set(id, await this.toPage(x, y));
    await this.send("touchMove");
  }

  async up(id: number): Promise<void> {
    this.points.delete(id);
    await this.send("touchEnd");
  }

  private async send(type: "touchStart" | "touchMove" | "touchEnd"): Promise<void> {
    const touchPoints = [...this.points].map(([id, point]) => ({ id, x: point.x, y: point.y, radiusX: 12, radiusY: 12, force: 1 }));
    await this.cdp.send("Input.dispatchTouchEvent", { type, touchPoints });
  }

  /** Arena coordinates to page coordinates: the canvas is scaled to fit and centred. */
  private async toPage(x: number, y: number): Promise<{ x: number; y: number }> {
    const rect = await this.page.locator("#game canvas").boundingBox();
    if (!rect) throw new Error("no game canvas on the page");
    const scale = rect.width / ARENA_WIDTH;
    return { x: rect.x + x * scale, y: rect.y + y * scale };
  }
}
