// Every tab its own ship. Tabs of one browser share its storage, Web Locks and
// BroadcastChannel (one Playwright context); "Duplicate tab" and "Reopen closed
// tab" are a new tab given the first tab's address and sessionStorage, which is
// what the browser copies. Every page here draws with Canvas: there are several.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { duplicateTab, enterFromLobby, joined, openTabWithSession, probe, saveScreenshot, sessionEntries, ship, useGameServer } from "../support/pages.ts";

const server = useGameServer({ BOTS: "0" });

/** A tab of `context` that creates a private room as Alpha; its ship id and the room code. */
async function alphaCreatesRoom(context: BrowserContext): Promise<{ tab: Page; id: string; code: string }> {
  const tab = await context.newPage();
  await enterFromLobby(tab, `${server.url}?renderer=canvas`, "Alpha", "Create private room");
  const id = await joined(tab, 1);
  return { tab, id, code: (await probe(tab)).roomCode! };
}

/** The session id of the seat stored in a tab (what a reload or a copy of it would resume). */
async function storedSession(tab: Page): Promise<string> {
  return JSON.parse((await sessionEntries(tab))["skirmish.seat"] ?? "{}").session;
}

/** The tab plays ship `id` in room `code`, named `name`, in the arena (not sent back to the lobby). */
async function expectPlaying(tab: Page, id: string, code: string, name: string): Promise<void> {
  await expect.poll(async () => (await probe(tab)).status, { message: `${name}'s tab is playing` }).toBe("playing");
  const seen = await probe(tab);
  expect(seen.sessionId).toBe(id);
  expect(seen.roomCode).toBe(code);
  expect((await ship(tab, id)).name).toBe(name);
  expect((await ship(tab, id)).own).toBe(true);
  await expect(tab.locator("#lobby")).toBeHidden();
}

/** The tab's own ship answers its keys, and `watcher` sees it move: the tab still steers it. */
async function expectSteers(tab: Page, id: string, watcher: Page): Promise<void> {
  const from = (await ship(watcher, id)).x;
  await tab.bringToFront();
  await tab.keyboard.down("KeyD");
  try {
    await expect.poll(async () => (await ship(watcher, id)).x, { message: "the ship moves for its own tab" }).toBeGreaterThan(from + 20);
  } finally {
    await tab.keyboard.up("KeyD");
  }
}

test("a duplicated tab joins the same room as a new player, and the first tab plays on", async ({ browser }, testInfo) => {
  const context = await browser.newContext();
  try {
    const first = await alphaCreatesRoom(context);
    // The copy starts with the first tab's seat: it could resume it (a reopened tab with the same storage does, below).
    expect(await storedSession(first.tab)).toBe(first.id);
    const copy = await duplicateTab(first.tab);
    const copyId = await joined(copy, 2);

    expect(copyId).not.toBe(first.id);
    await expectPlaying(copy, copyId, first.code, "Alpha (2)");
    await expectPlaying(first.tab, first.id, first.code, "Alpha");
    await joined(first.tab, 2);
    expect(await storedSession(copy)).toBe(copyId);
    expect(await storedSession(first.tab)).toBe(first.id);
    await expectSteers(first.tab, first.id, copy);
    await expectSteers(copy, copyId, first.tab);
    await saveScreenshot(first.tab, testInfo, "first-tab-after-duplicate");
    await saveScreenshot(copy, testInfo, "duplicated-tab");
  } finally {
    await context.close();
  }
});

test("a reload resumes that tab's own ship, the duplicate's included, and leaves the other tab alone", async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const first = await alphaCreatesRoom(context);
    const copy = await duplicateTab(first.tab);
    const copyId = await joined(copy, 2);
    expect(copyId).not.toBe(first.id);

    await copy.reload();
    await joined(copy, 2);
    await expectPlaying(copy, copyId, first.code, "Alpha (2)");
    await expectPlaying(first.tab, first.id, first.code, "Alpha");

    await first.tab.reload();
    await joined(first.tab, 2);
    await expectPlaying(first.tab, first.id, first.code, "Alpha");
    await expectPlaying(copy, copyId, first.code, "Alpha (2)");
    // Two ships, never a third: each reload took its own seat back.
    expect((await probe(copy)).ships.map((seen) => seen.name).sort()).toEqual(["Alpha", "Alpha (2)"]);
  } finally {
    await context.close();
  }
});

test("a tab closed and reopened resumes its ship while the seat is held, and the other tab plays on", async ({ browser }, testInfo) => {
  const context = await browser.newContext();
  try {
    const first = await alphaCreatesRoom(context);
    const other = await context.newPage();
    await other.goto(`${server.url}?room=${first.code}&renderer=canvas`);
    const otherId = await joined(other, 2);

    const closedWith = await sessionEntries(first.tab);
    const address = first.tab.url();
    await first.tab.close();
    await expect.poll(async () => (await ship(other, first.id)).away, { message: "Alpha's seat is held" }).toBe(true);

    const reopened = await openTabWithSession(context, address, closedWith);
    await joined(reopened, 2);
    await expectPlaying(reopened, first.id, first.code, "Alpha");
    await expect.poll(async () => (await ship(other, first.id)).away, { message: "Alpha is back" }).toBe(false);
    await expectPlaying(other, otherId, first.code, "Alpha (2)");
    await expectSteers(reopened, first.id, other);
    await saveScreenshot(reopened, testInfo, "reopened-tab");
  } finally {
    await context.close();
  }
});

test("two tabs opened from the same link, and a tab of another browser, each get a ship of their own", async ({ browser }) => {
  const contexts = [await browser.newContext(), await browser.newContext()] as const;
  try {
    const first = await alphaCreatesRoom(contexts[0]);
    const link = `${server.url}?room=${first.code}&renderer=canvas`;
    // Two tabs of the same browser open the link at once; the name Alpha typed is remembered by the browser.
    const [second, third] = await Promise.all([contexts[0].newPage(), contexts[0].newPage()]);
    await Promise.all([second.goto(link), third.goto(link)]);
    const elsewhere = await contexts[1].newPage();
    await enterFromLobby(elsewhere, link, "Bravo", "Join by code");

    const ids = [first.id, await joined(second, 4), await joined(third, 4), await joined(elsewhere, 4)];
    expect(new Set(ids).size).toBe(4);
    const names = (await probe(first.tab)).ships.map((seen) => seen.name).sort();
    expect(names).toEqual(["Alpha", "Alpha (2)", "Alpha (3)", "Bravo"]);
    await expectPlaying(first.tab, first.id, first.code, "Alpha");
    for (const [tab, id] of [
      [second, ids[1]!],
      [third, ids[2]!],
    ] as const) {
      await expect.poll(async () => (await probe(tab)).status).toBe("playing");
      expect((await probe(tab)).sessionId).toBe(id);
    }
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});

test("without Web Locks (a LAN address over plain http), a duplicated tab still gets a ship of its own and a reload still resumes", async ({ browser }) => {
  const context = await browser.newContext();
  // Pages served over http from a LAN address are not secure contexts, and have no navigator.locks.
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, "locks", { get: () => undefined }));
  try {
    const first = await alphaCreatesRoom(context);
    expect(await first.tab.evaluate(() => navigator.locks)).toBeUndefined();
    const copy = await duplicateTab(first.tab);
    const copyId = await joined(copy, 2);
    expect(copyId).not.toBe(first.id);
    await expectPlaying(first.tab, first.id, first.code, "Alpha");
    await expectPlaying(copy, copyId, first.code, "Alpha (2)");

    await first.tab.reload();
    await joined(first.tab, 2);
    await expectPlaying(first.tab, first.id, first.code, "Alpha");
    await expectPlaying(copy, copyId, first.code, "Alpha (2)");
  } finally {
    await context.close();
  }
});
