// Reading and steering game pages in browser tests, through the read-only probe.
import { expect, test, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import type { KillcamProbe, ProbeShip, ProbeSnapshot } from "../../game/arena/probe.ts";
import { startGameServer, type RunningGameServer } from "../../scripts/lib/gameServerProcess.ts";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../../shared/constants.ts";

/** Starts `npm start`'s server for the spec file that calls it (stopped after its tests). */
/**
 * A game server for a spec's pages. Nobody is moved out for idling unless the
 * spec sets IDLE_SECONDS: a player a test leaves standing (a target) is not idle.
 */
export function useGameServer(env: Record<string, string>): { readonly url: string } {
  let server: RunningGameServer | undefined;
  test.beforeAll(async () => {
    server = await startGameServer({ IDLE_SECONDS: "0", ...env });
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  return {
    get url() {
      return server!.url;
    },
  };
}

/**
 * Alpha (WebGL, first in, top-left spawn) and Bravo (Canvas, bottom-right) in the
 * same arena through Quick Play; `run` gets their pages and ship ids. The contexts
 * are closed afterwards.
 */
export async function withTwoPlayers(
  browser: Browser,
  url: string,
  run: (players: { alpha: Page; bravo: Page; alphaId: string; bravoId: string }) => Promise<void>,
): Promise<void> {
  const contexts: BrowserContext[] = [await browser.newContext(), await browser.newContext()];
  try {
    const [alpha, bravo] = (await Promise.all(contexts.map((context) => context.newPage()))) as [Page, Page];
    // A script error on either page shows in the test's output.
    for (const [name, page] of [
      ["Alpha", alpha],
      ["Bravo", bravo],
    ] as const)
      page.on("pageerror", (error) => console.error(`[${name}'s page] ${error.stack ?? error.message}`));
    await enterFromLobby(alpha, url, "Alpha");
    const alphaId = await joined(alpha, 1);
    await enterFromLobby(bravo, `${url}?renderer=canvas`, "Bravo");
    const bravoId = await joined(bravo, 2);
    await joined(alpha, 2);
    await run({ alpha, bravo, alphaId, bravoId });
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
}

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

/**
 * Opens the game at `url`, types a name in the lobby and presses `button` (Quick
 * Play by default); a private room is then created from its form as it opens,
 * with the server's settings.
 */
export async function enterFromLobby(page: Page, url: string, name: string, button = "Quick Play"): Promise<void> {
  await page.goto(url);
  await page.locator("#lobby-name").fill(name);
  await page.getByRole("button", { name: button }).click();
  if (button === CREATE_PRIVATE_ROOM) await page.getByRole("button", { name: "Create room" }).click();
}

export const CREATE_PRIVATE_ROOM = "Create private room";

/** Waits until the page has joined and shows `ships` ships; returns our session id. */
export async function joined(page: Page, ships: number): Promise<string> {
  await expect.poll(async () => (await page.evaluate(() => window.__probe?.ready)) ?? false, { message: "page joined the arena" }).toBe(true);
  await expect.poll(async () => (await probe(page)).ships.length, { message: `${ships} ships on screen` }).toBe(ships);
  return (await probe(page)).sessionId!;
}

/**
 * Pushes the ship's controls towards `direction` (+1 or -1) on `axis` for `ms`, and lets go;
 * a slanted push also pushes across, to one side then the other, which carries the ship
 * about 0.7 as far along `axis` (the controls are one vector no longer than 1).
 */
export type Push = (axis: "x" | "y", direction: number, ms: number, slanted: boolean) => Promise<void>;

/** A push on the movement keys. */
export function keysPush(page: Page): Push {
  const key = (axis: "x" | "y", direction: number) => (axis === "x" ? (direction > 0 ? "KeyD" : "KeyA") : direction > 0 ? "KeyS" : "KeyW");
  const side = alternately();
  return async (axis, direction, ms, slanted) => {
    const keys = [key(axis, direction)];
    if (slanted) keys.push(key(axis === "x" ? "y" : "x", side()));
    for (const held of keys) await page.keyboard.down(held);
    await page.waitForTimeout(ms);
    for (const held of keys) await page.keyboard.up(held);
  };
}

/** -1, 1, -1, …: the side a slanted push pushes across to, so that its drift across cancels out. */
export function alternately(): () => number {
  let side = 1;
  return () => {
    side = -side;
    return side;
  };
}

/** The shortest push, in ms. */
const TAP_MS = 15;
/** How far a slanted push carries the ship along its axis, against a straight one. */
const SLANT = Math.SQRT1_2;

/**
 * Pushes the controls (the movement keys, unless told otherwise) until our ship
 * rests within `tolerance` px of `target` on one axis. Each push is held as a
 * person would, longer the farther there is to go; between pushes the ship is
 * left to coast to a stop, however long the page takes.
 */
export async function steer(page: Page, id: string, axis: "x" | "y", target: number, tolerance = 10, push = keysPush(page)): Promise<void> {
  // A page reads the keys once a frame, so even a tap moves the ship for a whole frame: on a busy machine, where a
  // frame can take 150 ms, a tap carries it farther than the tolerance either side. So the pushes are scaled by what
  // the last one did, and near the target the taps are planned two ahead, straight or slanted, to land between.
  let pxPerMs = 1 / 1.2;
  let tap: number | null = null;
  let last: (Aim & { at: number; ms: number }) | null = null;
  const restedAt: number[] = [];
  for (let attempt = 0; attempt < 40; attempt++) {
    const at = restingAt(await restingShip(page, id), axis);
    restedAt.push(Math.round(at));
    const offset = target - at;
    if (Math.abs(offset) <= tolerance) return;
    if (last) {
      const moved = ((at - last.at) * last.direction) / (last.slanted ? SLANT : 1);
      if (moved > 0 && last.ms === TAP_MS) tap = moved;
      if (moved > 0) pxPerMs = moved / last.ms;
    }
    const ms = Math.min(600, Math.max(TAP_MS, Math.abs(offset) / pxPerMs));
    const aim: Aim = ms === TAP_MS && tap !== null ? nearestTaps(offset, tap) : { direction: Math.sign(offset), slanted: false };
    last = { at, ms, ...aim };
    await push(axis, aim.direction, ms, aim.slanted);
  }
  throw new Error(`could not steer ship ${id} to ${axis}=${target}; it rested at ${axis}=${restedAt.join(", ")}`);
}

/** Which way a push goes along its axis, and whether slanted. */
interface Aim {
  direction: number;
  slanted: boolean;
}

/** The first of the one or two taps (each straight or slanted, either way) that land nearest `offset` away. */
function nearestTaps(offset: number, tap: number): Aim {
  const taps = [1, -1].flatMap((direction) => [false, true].map((slanted) => ({ direction, slanted, travel: direction * tap * (slanted ? SLANT : 1) })));
  let best = { miss: Infinity, first: taps[0]! };
  for (const first of taps)
    for (const second of [null, ...taps]) {
      const miss = Math.abs(offset - first.travel - (second?.travel ?? 0));
      if (miss < best.miss) best = { miss, first };
    }
  return best.first;
}

/**
 * Ship `id` once it has come to rest: where the server put it, the same in two
 * patches running (every patch carries the room's tick, so they keep coming).
 */
async function restingShip(page: Page, id: string): Promise<ProbeShip> {
  let last: ProbeShip | null = null;
  let patchesThen = -1;
  await expect
    .poll(
      async () => {
        const { ships, net } = await probe(page);
        if (net.patchesReceived < patchesThen + 2) return false;
        const now = ships.find((seen) => seen.id === id)!;
        const still = last !== null && now.syncedX === last.syncedX && now.syncedY === last.syncedY;
        [last, patchesThen] = [now, net.patchesReceived];
        return still;
      },
      { message: `ship ${id} comes to rest`, intervals: [50] },
    )
    .toBe(true);
  return last!;
}

/** Where a resting ship is on one axis, as the server has it. */
function restingAt(resting: ProbeShip, axis: "x" | "y"): number {
  return axis === "x" ? resting.syncedX : resting.syncedY;
}

/** Clicks the game canvas at arena point (x, y) (arena pixels, as the probe gives a HUD button's place). */
export async function clickArena(page: Page, point: { x: number; y: number }): Promise<void> {
  const canvas = (await page.locator("canvas").first().boundingBox())!;
  await page.mouse.click(canvas.x + (point.x * canvas.width) / ARENA_WIDTH, canvas.y + (point.y * canvas.height) / ARENA_HEIGHT);
}

export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(`${name} screenshot`, { path, contentType: "image/png" });
}

/** On Crossroads a bullet crosses the whole arena along y = 295: above the pillar, below the corner walls. */
export const OPEN_LANE_Y = 295;

/**
 * The first player to join (top-left spawn) knocks the second (bottom-right) out:
 * both steer into the open lane, the shooter closes in (bullets fly about 760 px)
 * and fires at the target as its own screen shows it until the KO.
 */
export async function knockOut(shooter: Page, shooterId: string, target: Page, targetId: string): Promise<void> {
  // A ship knocked out a moment ago comes back elsewhere: both must be in play before they line up.
  for (const [page, id] of [
    [shooter, shooterId],
    [target, targetId],
  ] as const) {
    await expect.poll(async () => (await ship(page, id)).alive, { message: "the ship in play" }).toBe(true);
  }
  await Promise.all([steer(shooter, shooterId, "y", OPEN_LANE_Y), steer(target, targetId, "y", OPEN_LANE_Y)]);
  await steer(shooter, shooterId, "x", 520, 40);
  const deathsBefore = (await ship(target, targetId)).deaths;
  await shooter.mouse.move(0, 0);
  await shooter.mouse.down();
  try {
    await expect
      .poll(
        async () => {
          const seen = await ship(shooter, targetId);
          if (seen.alive) await shooter.mouse.move(seen.x, seen.y);
          return (await ship(target, targetId)).deaths;
        },
        { message: "the target is knocked out", timeout: 20_000, intervals: [100] },
      )
      .toBe(deathsBefore + 1);
  } finally {
    await shooter.mouse.up();
  }
}

/** What a tab keeps in sessionStorage: its seat, which a reload resumes. */
export async function sessionEntries(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.entries(sessionStorage)));
}

/**
 * Opens `url` in a new tab of `context` that starts with `entries` in its
 * sessionStorage, as the browser's "Duplicate tab" (a copy of the tab's
 * sessionStorage and address) and "Reopen closed tab" (the closed tab's) do.
 */
export async function openTabWithSession(context: BrowserContext, url: string, entries: Record<string, string>): Promise<Page> {
  const tab = await context.newPage();
  // sessionStorage is per tab and origin: fill it on a light page of the same origin, then load the game.
  await tab.goto(new URL("/how", url).href);
  await tab.evaluate((stored) => {
    for (const [key, value] of Object.entries(stored)) sessionStorage.setItem(key, value);
  }, entries);
  await tab.goto(url);
  return tab;
}

/** "Duplicate tab": a new tab of the same browser with the tab's address and a copy of its sessionStorage. */
export async function duplicateTab(page: Page): Promise<Page> {
  return openTabWithSession(page.context(), page.url(), await sessionEntries(page));
}

/** Waits until the page has drawn `count` more animation frames: time for a picture to settle, counted in frames. */
export async function framesPass(page: Page, count: number): Promise<void> {
  await page.evaluate(
    (frames) =>
      new Promise<void>((resolve) => {
        let left = frames;
        const next = () => (--left <= 0 ? resolve() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
    count,
  );
}

/**
 * Knocks the target out until `act` (done the moment its killcam opens) gets to
 * act on a killcam that is still showing: on a busy machine the target's ship may
 * come back, closing the killcam, before `act` is done. Returns how it closed.
 */
export async function actOnKillcam(
  players: { shooter: Page; shooterId: string; target: Page; targetId: string },
  act: () => Promise<void>,
): Promise<KillcamProbe> {
  const { shooter, shooterId, target, targetId } = players;
  for (let attempt = 1; ; attempt++) {
    const shown = (await probe(target)).killcam.shown;
    await knockOut(shooter, shooterId, target, targetId);
    await expect.poll(async () => (await probe(target)).killcam.shown, { message: "the killcam opens", intervals: [50] }).toBe(shown + 1);
    await act();
    await expect.poll(async () => (await probe(target)).killcam.closedBy, { message: "the killcam closes" }).not.toBeNull();
    const killcam = (await probe(target)).killcam;
    if (killcam.closedBy !== "respawn" || attempt === 3) return killcam;
  }
}
