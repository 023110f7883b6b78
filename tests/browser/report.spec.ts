// Report: a knocked-out player saves the round's last half minute as a replay, and
// after the round the whole round; each file re-simulates exactly, ready to become
// a test (npm run replay -- FILE --to-test OUT).
import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { readReplayFile } from "../../server/replayFile.ts";
import { ReplaySimulation } from "../../shared/replay/ReplaySimulation.ts";
import { clickArena, knockOut, probe, saveScreenshot, ship, useGameServer, withTwoPlayers } from "../support/pages.ts";

// The second KO ends the round, so the results come without a wait.
const server = useGameServer({ BOTS: "0", KO_TARGET: "2" });

/** Clicks Report as soon as it shows, and returns the replay the browser saved, re-simulated. */
async function report(page: Page): Promise<{ file: string; simulation: ReplaySimulation }> {
  // Clicked where the poll saw it, at once: the KO card's button goes as the ship respawns, 2.5 s after its knock-out,
  // and on a busy machine another read of the probe could come after that.
  let button: { x: number; y: number } | null = null;
  await expect.poll(async () => (button = (await probe(page)).reportButton), { message: "the Report button shows", intervals: [50] }).not.toBeNull();
  const saved = page.waitForEvent("download");
  await clickArena(page, button!);
  const download = await saved;
  const replay = readReplayFile(new Uint8Array(await readFile((await download.path())!)));
  const simulation = new ReplaySimulation(replay);
  return { file: download.suggestedFilename(), simulation };
}

test("Report on the KO card saves the last half minute, and on the results the whole round; both re-simulate exactly", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  await withTwoPlayers(browser, server.url, async ({ alpha, bravo, alphaId, bravoId }) => {
    // Before a knock-out there is no Report button: nothing shows it (the positive control is the one below).
    expect((await probe(bravo)).reportButton).toBeNull();
    await knockOut(alpha, alphaId, bravo, bravoId);
    const lastSeconds = await report(bravo);
    await saveScreenshot(bravo, testInfo, "bravo-ko-report");
    expect(lastSeconds.file).toMatch(/^skirmish-[A-Z0-9]+-round-1-last-30s-tick-\d+\.replay$/);
    expect(lastSeconds.simulation.replay.complete).toBe(false);
    expect(lastSeconds.simulation.run()).toBeNull();
    // The knock-out it was pressed for is in it.
    expect(lastSeconds.simulation.state.ships.get(bravoId)?.deaths).toBe(1);

    // The second KO wins the round for Alpha: the results show, and Report there saves the whole round.
    await expect.poll(async () => (await ship(bravo, bravoId)).alive, { message: "Bravo respawns" }).toBe(true);
    await knockOut(alpha, alphaId, bravo, bravoId);
    await expect.poll(async () => (await probe(alpha)).scoreboardTitle, { message: "the results" }).toContain("Round 1 over");
    const round = await report(alpha);
    await saveScreenshot(alpha, testInfo, "alpha-results-report");
    expect(round.file).toMatch(/^skirmish-[A-Z0-9]+-round-1-whole-tick-\d+\.replay$/);
    expect(round.simulation.replay.complete).toBe(true);
    expect(round.simulation.run()).toBeNull();
    expect(round.simulation.state.ships.get(alphaId)?.kos).toBe(2);
  });
});
