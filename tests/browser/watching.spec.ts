// Watching from the arena: a room's Watch button in the lobby (and a ?watch= link)
// shows the arena with no ship of our own, following a ship that Q/E and a tap
// on either side switch, or the whole arena; the scoreboard works, chat is
// read-only, and Join takes a free seat. An idle player is warned (a key keeps
// them in), then moved to watching, and joins back.
import { expect, test, type Page } from "@playwright/test";
import { enterFromLobby, joined, probe, saveScreenshot, useGameServer } from "../support/pages.ts";

const server = useGameServer({ BOTS: "4" });

/** Waits until the page watches, following `following` (a name, any ship if undefined, or null for the whole arena). */
async function watching(page: Page, following?: string | null): Promise<string | null> {
  await expect.poll(() => page.evaluate(() => (window.__probe?.watching ?? null) !== null), { message: "watching", timeout: 30_000 }).toBe(true);
  if (following !== undefined) await expect.poll(async () => (await probe(page)).watching?.following, { message: `following ${following}` }).toBe(following);
  return (await probe(page)).watching!.following;
}

test("a room watched from the lobby: following, switching, the whole arena, read-only chat, and Join", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const [player, viewer] = await Promise.all(contexts.map((context) => context.newPage()));
    await enterFromLobby(player!, `${server.url}?renderer=canvas`, "Alpha");
    await joined(player!, 4);
    const code = (await probe(player!)).roomCode!;

    await viewer!.goto(`${server.url}?renderer=canvas`);
    const row = viewer!.locator(`#lobby-rooms [data-code="${code}"]`);
    await expect(row).toContainText("1/16 players + 3 bots");
    await row.getByRole("button", { name: "Watch" }).click();
    const first = await watching(viewer!);
    expect(first).not.toBeNull();
    await expect(viewer!).toHaveURL(new RegExp(`\\?watch=${code}`));
    await saveScreenshot(viewer!, testInfo, "watching-following");
    await viewer!.keyboard.press("e");
    await expect.poll(async () => (await probe(viewer!)).watching?.following).not.toBe(first);
    await viewer!.keyboard.press("o");
    await watching(viewer!, null);
    await saveScreenshot(viewer!, testInfo, "watching-whole-arena");
    // The scoreboard shows; chat does not open for typing.
    await viewer!.keyboard.down("Tab");
    await expect.poll(async () => (await probe(viewer!)).scoreboard).toBe(true);
    await viewer!.keyboard.up("Tab");
    await viewer!.keyboard.press("Enter");
    await expect(viewer!.locator("#chat input")).toBeHidden();
    // The player's lobby list counts the watcher (seen by another lobby).
    const lobbyPage = await contexts[0]!.newPage();
    await lobbyPage.goto(`${server.url}?renderer=canvas`);
    await expect(lobbyPage.locator(`#lobby-rooms [data-code="${code}"]`)).toContainText("1 watching");
    await lobbyPage.close();

    await viewer!.keyboard.press("j");
    await expect.poll(async () => (await probe(viewer!)).watching).toBeNull();
    await expect(viewer!).toHaveURL(new RegExp(`\\?room=${code}`));
    await expect.poll(async () => (await probe(viewer!)).ships.find((ship) => ship.own)?.name).toBeTruthy();
    // The positive control of the chat check above: as a player, the same Enter opens the chat.
    await viewer!.keyboard.press("Enter");
    await expect(viewer!.locator("#chat input")).toBeVisible();
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});

test("a ?watch= link on a phone: a tap on either side switches ships", async ({ browser }, testInfo) => {
  const host = await (await browser.newContext()).newPage();
  const phone = await browser.newContext({ viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  try {
    await enterFromLobby(host, `${server.url}?renderer=canvas`, "Host", "Create private room");
    await joined(host, 4);
    const code = (await probe(host)).roomCode!;
    const page = await phone.newPage();
    await page.goto(`${server.url}?watch=${code}&renderer=canvas`);
    const first = await watching(page);
    const canvas = (await page.locator("#game canvas").first().boundingBox())!;
    await page.touchscreen.tap(canvas.x + canvas.width - 10, canvas.y + canvas.height / 2);
    await expect.poll(async () => (await probe(page)).watching?.following).not.toBe(first);
    await saveScreenshot(page, testInfo, "watching-phone");
  } finally {
    await phone.close();
    await host.context().close();
  }
});

test.describe("idling", () => {
  // No bots: nothing knocks the idle player out, which would pause their idle time.
  const quiet = useGameServer({ BOTS: "0", IDLE_SECONDS: "20" });

  test("an idle player is warned (a key keeps them in), then moved to watching, and joins back", async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await enterFromLobby(page, `${quiet.url}?renderer=canvas`, "Dozer");
    await joined(page, 1);
    await expect.poll(async () => (await probe(page)).idleWarned, { timeout: 20_000 }).toBe(true);
    await saveScreenshot(page, testInfo, "idle-warning");
    await page.keyboard.press("Control");
    await expect.poll(async () => (await probe(page)).idleWarned).toBe(false);
    // Left alone again: warned, then moved.
    await expect.poll(async () => (await probe(page)).idleWarned, { timeout: 25_000 }).toBe(true);
    await watching(page);
    await expect(page).toHaveURL(/\?watch=/);
    await saveScreenshot(page, testInfo, "moved-to-watching");
    await page.keyboard.press("j");
    await expect.poll(async () => (await probe(page)).watching, { timeout: 10_000 }).toBeNull();
  });
});
