// A recorded match as a regression test: re-simulates the replay with the rules as
// they are now and compares every tick with the trace pinned beside it, and the
// final scoreboard with the one written into the test. `npm run replay -- FILE
// --to-test OUT` writes such a test; docs/testing.md shows the whole loop.
import { readFile } from "node:fs/promises";
import { readReplayFile } from "../../server/replayFile.ts";
import { ReplaySimulation } from "../../shared/replay/ReplaySimulation.ts";
import { worldChecksum } from "../../shared/replay/snapshot.ts";
import { type PinnedScoreboard, pinnedScoreboard, Trace } from "../../scripts/lib/replayTrace.ts";
import { differences, eventText, StateMismatch, worldValues } from "../../scripts/lib/stateDiff.ts";

/**
 * Fails with a diff (the first tick that differs, the ships and fields that differ
 * there, and the final scoreboards side by side) unless the replay re-simulates
 * exactly as pinned.
 */
export { type PinnedScoreboard, pinnedScoreboard };

export async function expectReplayAsPinned(pinned: { replay: URL | string; trace: URL | string; scoreboard: PinnedScoreboard }): Promise<void> {
  const replay = readReplayFile(new Uint8Array(await readFile(pinned.replay)));
  const trace = new Trace(new Uint8Array(await readFile(pinned.trace)));
  const simulation = new ReplaySimulation(replay);
  if (trace.checksums.length !== replay.ticks.length)
    throw new Error(`The trace has ${trace.checksums.length} ticks and the replay ${replay.ticks.length}: they were not pinned together.`);
  let index = 0;
  let parted: {
    index: number;
    tick: number;
    found: ReturnType<typeof differences>;
    names: Map<string, string>;
    secondsIn: number;
    round: number;
    happened: string[];
  } | null = null;
  while (!simulation.done) {
    const events = simulation.step();
    if (!parted && worldChecksum(simulation.state, replay.version) !== trace.checksums[index]) {
      const now = worldValues(simulation.state);
      const then = trace.valuesAt(index);
      const names = new Map<string, string>();
      for (const values of [then, now]) for (const [entity, fields] of values) if (entity.startsWith("ship:")) names.set(entity.slice(5), String(fields.name));
      const happened = events.map((event) => eventText(event, names));
      parted = {
        index,
        tick: simulation.tick,
        found: differences(then, now),
        names,
        secondsIn: (index + 1) / replay.tickRate,
        round: simulation.state.round,
        happened,
      };
    }
    index++;
  }
  const final = pinnedScoreboard(simulation);
  const scoreboards = {
    expected: pinned.scoreboard.ships,
    actual: final.ships,
    expectedTitle: "Final scoreboard, as pinned",
    actualTitle: "Final scoreboard, now",
  };
  if (parted) {
    throw new StateMismatch({
      headline: `The match parts from the pinned one`,
      tick: parted.tick,
      round: parted.round,
      secondsIn: parted.secondsIn,
      differences: parted.found,
      names: parted.names,
      scoreboards,
      context: [
        parted.happened.length > 0 ? `What happened in that tick, now: ${parted.happened.join("; ")}.` : "Nothing happened in that tick, now.",
        `Every tick before ${parted.tick} was as pinned. A rule changed, or the step is no longer deterministic; if the change is meant, pin the test again.`,
      ],
    });
  }
  if (JSON.stringify(final) !== JSON.stringify(pinned.scoreboard)) {
    throw new StateMismatch({
      headline: "Every tick is as pinned, but the final scoreboard is not",
      tick: simulation.tick,
      differences: [],
      names: new Map(),
      scoreboards,
    });
  }
}
