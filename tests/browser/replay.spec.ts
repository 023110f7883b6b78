// The replay page plays a recorded round (served by id from REPLAY_DIR, or opened
// from a file), jumps on the timeline to the scores as they were, and says what
// is wrong with a file that is not a replay.
import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { readReplayFile } from "../../server/replayFile.ts";
import { REPLAY_LIMITS } from "../../shared/replay/format.ts";
import { ReplaySimulation } from "../../shared/replay/ReplaySimulation.ts";
import { scoreboardFromState } from "../../shared/scores.ts";
import { clickArena, enterFromLobby, framesPass, joined, probe, saveScreenshot, useGameServer } from "../support/pages.ts";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "replays", "crossroads-3-players-leave-and-drop.replay");
const ID = "fixture00001";
const replayDir = await mkdtemp(join(tmpdir(), "skirmish-replays-"));
const fixture = readReplayFile(await readFile(FIXTURE));
await copyFile(FIXTURE, join(replayDir, `${ID}.replay`));
await writeFile(
  join(replayDir, `${ID}.json`),
  JSON.stringify({
    id: ID,
    room: fixture.room,
    round: fixture.round,
    players: ["Ada", "Grace", "Linus"],
    seconds: 12,
    complete: true,
    recordedAt: fixture.recordedAt,
    bytes: 0,
    private: false,
  }),
);

const server = useGameServer({ BOTS: "0", REPLAY_DIR: replayDir });
const shortRounds = useGameServer({ BOTS: "3", ROUND_SECONDS: "10" });

interface ReplayProbe {
  loaded: boolean;
  error: string | null;
  playing: boolean;
  position: number;
  length: number;
  tick: number;
  checked: number;
  scores: Array<{ name: string; kos: number; deaths: number }>;
}

async function replayProbe(page: Page): Promise<ReplayProbe> {
  await page.waitForFunction(() => "__replay" in window);
  return page.evaluate(() => (window as unknown as { __replay: ReplayProbe }).__replay);
}

/** The scoreboard the page shows, as rows of [name, KOs, deaths]. */
async function shownScores(page: Page): Promise<string[][]> {
  return page.locator("#scores tr").evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? "")));
}

/** The scoreboard at `tick` ticks into the fixture, from a re-simulation here in Node. */
function scoresAt(played: number): string[][] {
  const simulation = new ReplaySimulation(fixture);
  while (simulation.played < played) simulation.step();
  return scoreboardFromState(simulation.state).ships.map((ship) => [ship.bot ? `${ship.name} (bot)` : ship.name, String(ship.kos), String(ship.deaths)]);
}

test("the replay page plays a recorded round, and a jump on the timeline lands on the scores as they were", async ({ page }, testInfo) => {
  await page.goto(`${server.url}replay?id=${ID}`);
  await expect.poll(async () => (await replayProbe(page)).loaded, { message: "the replay loaded" }).toBe(true);
  await expect(page.locator("#status")).toContainText(`All ${fixture.checksums.length} checksums match`);
  await expect(page.locator("#title")).toContainText(`room ${fixture.room} · round 1`);

  // Play at 2× for a moment: the playhead moves and the scene is drawn.
  await page.locator("#speed").selectOption("2");
  await page.getByRole("button", { name: "Play" }).click();
  await expect.poll(async () => (await replayProbe(page)).position, { message: "playback moves on" }).toBeGreaterThan(60);
  await page.getByRole("button", { name: "Pause" }).click();
  await page.locator("#follow").selectOption({ label: "Linus" });
  await framesPass(page, 20);
  await saveScreenshot(page, testInfo, "replay-following");

  // Jump: a click three quarters along the timeline.
  const timeline = page.locator("#timeline");
  const box = (await timeline.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
  const { position, length } = await replayProbe(page);
  expect(position / length).toBeGreaterThan(0.6);
  expect(position / length).toBeLessThan(0.9);
  await expect.poll(() => shownScores(page), { message: "the scoreboard at the jump" }).toEqual(scoresAt(Math.floor(position)));
  // Positive control: the scores did change over the round, so the jump had something to get right.
  expect(scoresAt(Math.floor(position))).not.toEqual(scoresAt(0));
  await page.locator("#follow").selectOption("");
  await framesPass(page, 20);
  await saveScreenshot(page, testInfo, "replay-after-jump");
});

test("on a phone the replay page fits the screen and plays by touch", async ({ browser }, testInfo) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  try {
    const page = await phone.newPage();
    page.on("pageerror", (error) => console.error(`[phone page] ${error.stack ?? error.message}`));
    await page.goto(`${server.url}replay?id=${ID}&renderer=canvas`);
    await expect.poll(async () => (await replayProbe(page)).loaded, { message: "the replay loaded" }).toBe(true);
    await page.getByRole("button", { name: "Play" }).tap();
    await expect.poll(async () => (await replayProbe(page)).position, { message: "playback moves on" }).toBeGreaterThan(30);
    // Nothing wider than the screen: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const stage = (await page.locator("#stage").boundingBox())!;
    expect(stage.width).toBeGreaterThan(340);
    await saveScreenshot(page, testInfo, "replay-phone");
  } finally {
    await phone.close();
  }
});

test("a file that is not a replay, is cut short or would inflate past the limit gets a clear error, and the page stays usable", async ({ page }) => {
  await page.goto(`${server.url}replay`);
  await expect(page.locator("#status")).toContainText("Open a replay file");
  const whole = await readFile(FIXTURE);
  const cases: Array<[string, Buffer, string]> = [
    ["notes.txt", Buffer.from("hello, not a replay"), "not a Skirmish replay"],
    ["cut.replay", whole.subarray(0, Math.floor(whole.length / 2)), "damaged"],
    // A few kilobytes that would inflate to 32 MiB: unpacking stops at the limit.
    ["bomb.replay", gzipSync(new Uint8Array(REPLAY_LIMITS.bytes * 4)), "unpacks to more than"],
  ];
  for (const [name, buffer, message] of cases) {
    await page.locator("#file").setInputFiles({ name, mimeType: "application/octet-stream", buffer });
    await expect(page.locator("#status")).toContainText(message);
    await expect(page.locator("#status")).toHaveClass("error");
  }
  // And a good file still opens afterwards.
  await page.locator("#file").setInputFiles({ name: "round.replay", mimeType: "application/octet-stream", buffer: whole });
  await expect.poll(async () => (await replayProbe(page)).loaded, { message: "the good file loaded" }).toBe(true);
  await expect(page.locator("#status")).toContainText("checksums match");

  const unknown = await page.request.get(`${server.url}api/replays/zzzzzzzzzzzz`);
  expect(unknown.status()).toBe(404);
});

test("the results screen's Watch this round opens the round just played, re-simulated exactly", async ({ page, context }, testInfo) => {
  test.setTimeout(60_000);
  // The game draws with Canvas here: the replay page it opens draws with WebGL, and two WebGL pages are more than 2 cores take.
  await enterFromLobby(page, `${shortRounds.url}?renderer=canvas`, "Viewer");
  await joined(page, 3);
  // Play a little: move and fire, so the replay has this page's inputs in it.
  const own = async () => (await probe(page)).ships.find((ship) => ship.own)!;
  const startX = (await own()).x;
  await page.keyboard.down("KeyD");
  await page.mouse.click(900, 300);
  await expect.poll(async () => (await own()).x, { message: "the ship moves" }).toBeGreaterThan(startX + 30);
  await page.keyboard.up("KeyD");
  await page.mouse.click(300, 500);
  await expect.poll(async () => (await probe(page)).phase, { message: "the round ends", timeout: 20_000 }).toBe("results");
  const round = (await probe(page)).round;
  const opened = context.waitForEvent("page");
  await clickWatchButton(page);
  const replayPage = await opened;
  await expect.poll(async () => (await replayProbe(replayPage)).loaded, { message: "the replay page loaded the round", timeout: 15_000 }).toBe(true);
  await expect(replayPage.locator("#title")).toContainText(`round ${round}`);
  await expect(replayPage.locator("#status")).toContainText("checksums match");
  const before = (await replayProbe(replayPage)).position;
  await replayPage.getByRole("button", { name: "Play" }).click();
  await expect.poll(async () => (await replayProbe(replayPage)).position, { message: "the replay plays" }).toBeGreaterThan(before + 10);
  await saveScreenshot(replayPage, testInfo, "watch-this-round");
});

/** Clicks the results screen's "Watch this round" where the HUD drew it (the probe says where, in arena pixels). */
async function clickWatchButton(page: Page): Promise<void> {
  const where = (await probe(page)).watchButton;
  if (!where) throw new Error("the results screen shows no Watch this round button");
  await clickArena(page, where);
}
