// npm run replay -- FILE [FILE…]
// Re-simulates replay files headlessly with the rules as they are now: prints each
// round's final scoreboard and whether every checksum matched, or the tick where
// the re-simulation first parts from the recorded match. Exit code 0 when every
// file matched, 1 when one diverged, 2 when one could not be read.
//
// npm run replay -- FILE --to-test OUT
// Writes OUT (a .test.ts), a copy of the replay and its trace beside it: a test that
// pins the match as the rules play it now (docs/testing.md, "From a match to a test").
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { writePinnedTest } from "./lib/pinTest.ts";
import { readReplayFile } from "../server/replayFile.ts";
import { ReplayError } from "../shared/replay/bytes.ts";
import { ReplaySimulation } from "../shared/replay/ReplaySimulation.ts";
import { clockText, scoreboardFromState } from "../shared/scores.ts";

const args = process.argv.slice(2);
const toTest = args.indexOf("--to-test");
const out = toTest >= 0 ? args[toTest + 1] : undefined;
const files = args.filter((arg, i) => !arg.startsWith("--") && !(toTest >= 0 && i === toTest + 1));
if (files.length === 0 || (toTest >= 0 && (!out || files.length !== 1))) {
  console.error("Usage: npm run replay -- FILE [FILE…]   (a .replay file from /api/replays/ID or REPLAY_DIR)");
  console.error("       npm run replay -- FILE --to-test OUT.test.ts   (a test that pins the match)");
  process.exit(2);
}
if (out) process.exit(await pin(files[0]!, out));

let worst = 0;
for (const file of files) worst = Math.max(worst, await replay(file));
process.exit(worst);

async function replay(file: string): Promise<number> {
  let simulation: ReplaySimulation;
  let size = 0;
  try {
    const bytes = await readFile(file);
    size = bytes.length;
    simulation = new ReplaySimulation(readReplayFile(bytes));
  } catch (error) {
    const reason = error instanceof ReplayError ? error.message : error instanceof Error && "code" in error ? `cannot read it (${error.code})` : String(error);
    console.error(`${file}: ${reason}`);
    return 2;
  }
  const { replay } = simulation;
  const seconds = replay.ticks.length / replay.tickRate;
  console.log(`${file}`);
  console.log(
    `  room ${replay.room}, round ${replay.round} on ${replay.start.layout}, ${clockText(seconds)} at ${replay.tickRate} ticks/s` +
      `${replay.complete ? "" : " (cut short)"}, recorded ${new Date(replay.recordedAt).toISOString()}`,
  );
  const startedAt = performance.now();
  let mismatch: ReturnType<ReplaySimulation["run"]>;
  try {
    mismatch = simulation.run();
  } catch (error) {
    console.error(`  ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const ms = performance.now() - startedAt;
  const scores = scoreboardFromState(simulation.state);
  console.log(`  final scoreboard (tick ${simulation.tick}):`);
  for (const ship of scores.ships)
    console.log(`    ${ship.name.padEnd(20)} ${String(ship.kos).padStart(3)} KOs ${String(ship.deaths).padStart(3)} deaths${ship.bot ? "  (bot)" : ""}`);
  console.log(`  re-simulated ${replay.ticks.length} ticks in ${ms.toFixed(0)} ms`);
  const playerMinutes = simulation.playerTicks / replay.tickRate / 60;
  if (playerMinutes > 0) {
    console.log(`  ${size} bytes for ${playerMinutes.toFixed(2)} player-minutes: ${(size / 1024 / playerMinutes).toFixed(1)} KB per player-minute`);
  }
  if (!mismatch) {
    console.log(`  checksums: all ${simulation.checked} matched, and every tick's check byte`);
    return 0;
  }
  const into = (mismatch.tick - replay.start.tick) / replay.tickRate;
  const what = mismatch.whole ? "checksum" : "checksum's low byte";
  const digits = mismatch.whole ? 8 : 2;
  console.log(
    `  DIVERGES at tick ${mismatch.tick} (${clockText(into)} into the recording): the state's ${what} is ${hex(mismatch.actual, digits)}, the recording's ${hex(mismatch.expected, digits)}. ` +
      "Every tick before it matched; the rules or the replay differ from the match as it was played from there.",
  );
  return 1;
}

async function pin(file: string, out: string): Promise<number> {
  let pinned: Awaited<ReturnType<typeof writePinnedTest>>;
  try {
    pinned = await writePinnedTest(file, out, `npm run replay -- ${file} --to-test ${out}`);
  } catch (error) {
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const shown = (path: string) => relative(process.cwd(), path) || path;
  console.log(`Pinned ${file} (${pinned.ticks} ticks):`);
  console.log(`  ${shown(pinned.test)}   the test: npm run test:node -- ${shown(pinned.test)}`);
  console.log(`  ${shown(pinned.replay)}   the replay it re-simulates`);
  console.log(`  ${shown(pinned.trace)}   every tick as the rules play it now`);
  if (pinned.partsAt !== null) {
    console.log(`  Note: the rules as they are part from the recording at tick ${pinned.partsAt}; the test pins what they do now.`);
  }
  return 0;
}

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, "0");
}
