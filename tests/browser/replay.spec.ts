// The replay page plays a recorded round (served by id from REPLAY_DIR, or opened
// from a file), jumps on the timeline to the scores as they were, and says what
// is wrong with a file that is not a replay.
import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { readReplayFile } from "../../server/replayFile.ts";
import { ReplaySimulation } from "../../shared/replay/ReplaySimulation.ts";
import { scoreboardFromState } from "../../shared/scores.ts";
import { saveScreenshot, useGameServer } from "../support/pages.ts";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "replays", "crossroads-3-players-4-bots.replay");
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
  await page.waitForTimeout(300);
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
  await page.waitForTimeout(300);
  await saveScreenshot(page, testInfo, "replay-after-jump");
});

test("a file that is not a replay, or is cut short, gets a clear error and the page stays usable", async ({ page }) => {
  await page.goto(`${server.url}replay`);
  await expect(page.locator("#status")).toContainText("Open a replay file");
  const whole = await readFile(FIXTURE);
  const cases: Array<[string, Buffer, string]> = [
    ["notes.txt", Buffer.from("hello, not a replay"), "not a Skirmish replay"],
    ["cut.replay", whole.subarray(0, Math.floor(whole.length / 2)), "damaged"],
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
