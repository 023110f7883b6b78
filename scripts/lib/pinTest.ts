// Writes a pinned test from a replay (`npm run replay -- FILE --to-test OUT`): the
// test file, a copy of the replay and its trace beside it. The test imports the kit
// by a path relative to where it is written, so it runs from there.
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readReplayFile } from "../../server/replayFile.ts";
import { clockText } from "../../shared/scores.ts";
import { pinnedScoreboard, traceReplay } from "./replayTrace.ts";

export interface PinnedTest {
  test: string;
  replay: string;
  trace: string;
  ticks: number;
  /** Where the rules as they are now part from the recording (null: they re-simulate it exactly). */
  partsAt: number | null;
}

const KIT = fileURLToPath(new URL("../../tests/kit/index.ts", import.meta.url));

export async function writePinnedTest(replayFile: string, out: string, command: string): Promise<PinnedTest> {
  const test = resolve(out.endsWith(".test.ts") ? out : `${out}.test.ts`);
  const stem = basename(test, ".test.ts");
  const directory = dirname(test);
  const replayCopy = resolve(directory, `${stem}.replay`);
  const tracePath = resolve(directory, `${stem}.trace.gz`);
  const replay = readReplayFile(new Uint8Array(await readFile(replayFile)));
  const { trace, simulation } = traceReplay(replay);
  await mkdir(directory, { recursive: true });
  if (resolve(replayFile) !== replayCopy) await copyFile(replayFile, replayCopy);
  await writeFile(tracePath, trace);
  const ships = [...simulation.state.ships.values()];
  const players = ships.filter((ship) => !ship.bot).map((ship) => ship.name);
  const bots = ships.length - players.length;
  const kit = relative(directory, KIT).split("\\").join("/");
  const { ships: scored, ...board } = pinnedScoreboard(simulation);
  await writeFile(
    test,
    `// Pinned from ${basename(replayFile)} on ${new Date().toISOString().slice(0, 10)} by
//   ${command}
// room ${replay.room}, round ${replay.round} on ${replay.start.layout} (${replay.start.mode}), ${clockText(replay.ticks.length / replay.tickRate)} at ${replay.tickRate} ticks/s,
// ${players.length > 0 ? players.join(", ") : "no players"}${bots > 0 ? ` and ${bots} bot${bots > 1 ? "s" : ""}` : ""} at the end.
// It re-simulates the match with the rules as they are and compares every tick with
// ${stem}.trace.gz, what the rules did when it was pinned: a change that alters the
// match fails, naming the first tick that differs and the ships and fields there.
import { it } from "vitest";
import { expectReplayAsPinned } from "${kit.startsWith(".") ? kit : `./${kit}`}";

it("${stem} re-simulates as pinned: every tick, and the final scoreboard", async () => {
  await expectReplayAsPinned({
    replay: new URL("./${stem}.replay", import.meta.url),
    trace: new URL("./${stem}.trace.gz", import.meta.url),
    scoreboard: {
${Object.entries({ ...board, ships: scored })
  .map(
    ([key, value]) =>
      `      ${key}: ${Array.isArray(value) && value.length > 0 ? `[\n${value.map((item) => `        ${literal(item)},`).join("\n")}\n      ]` : literal(value)},`,
  )
  .join("\n")}
    },
  });
});
`,
  );
  return { test, replay: replayCopy, trace: tracePath, ticks: replay.ticks.length, partsAt: simulation.firstMismatch?.tick ?? null };
}

/** A value as TypeScript source, on one line: objects with bare keys. */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value && typeof value === "object")
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${literal(item)}`)
      .join(", ")} }`;
  return JSON.stringify(value);
}
