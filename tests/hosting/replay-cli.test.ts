// `npm run replay -- FILE`: the final scoreboard and the checksums of a recorded
// round; the tick where a changed match parts from the recording; a clear error
// for a file that is not a replay. `--to-test OUT`: a test pinned from the replay
// that runs where it was written, and fails naming the tick and the ships.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readReplayFile } from "../../server/replayFile.ts";
import { MOVE_AXIS_MAX } from "../../shared/constants.ts";
import { encodeReplay } from "../../shared/replay/format.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURE = join(ROOT, "tests", "fixtures", "replays", "crossroads-3-players-leave-and-drop.replay");
const run = promisify(execFile);

async function replayCli(...args: string[]): Promise<{ code: number; out: string }> {
  return exited(run(process.execPath, [join(ROOT, "scripts", "replay.ts"), ...args], { cwd: ROOT }));
}

/** `npm run test:node -- FILE`, in a process of its own (outside this test run's own Vitest). */
function testNode(file: string): Promise<{ code: number; out: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && name !== "NODE_ENV" && name !== "TEST"));
  return exited(
    run(process.execPath, [join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", "--config", "tests/vitest.config.ts", file], { cwd: ROOT, env }),
  );
}

async function exited(running: Promise<{ stdout: string; stderr: string }>): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await running;
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

describe("npm run replay", () => {
  it("prints a recorded round's final scoreboard and that every checksum matched", async () => {
    const { code, out } = await replayCli(FIXTURE);
    expect(code).toBe(0);
    expect(out).toMatch(/final scoreboard \(tick \d+\):/);
    expect(out).toMatch(/Linus +\d+ KOs +\d+ deaths/);
    expect(out).toMatch(/checksums: all \d+ matched/);
    expect(out).toMatch(/KB per player-minute/);
  });

  it("says at which tick a changed match first diverges", async () => {
    const replay = readReplayFile(await readFile(FIXTURE));
    // As if the rules had changed at tick 100: from there the ship goes elsewhere.
    const changedAt = replay.ticks.findIndex((record, index) => index >= 100 && record.inputs.length > 0);
    const input = replay.ticks[changedAt]!.inputs[0]!.controls[0]!;
    input.moveX = input.moveX > 0 ? -MOVE_AXIS_MAX : MOVE_AXIS_MAX;
    const file = join(await mkdtemp(join(tmpdir(), "skirmish-cli-")), "changed.replay");
    await writeFile(file, gzipSync(encodeReplay(replay)));
    const { code, out } = await replayCli(file);
    expect(code).toBe(1);
    const tick = Number(/DIVERGES at tick (\d+)/.exec(out)?.[1]);
    // The changed input is applied in tick start + changedAt + 1: the divergence is found right there.
    expect(tick).toBe(replay.start.tick + changedAt + 1);
  });

  it("refuses a file that is not a replay, or is cut short, with a clear error", async () => {
    const dir = await mkdtemp(join(tmpdir(), "skirmish-cli-"));
    const whole = await readFile(FIXTURE);
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ["notes.txt", new TextEncoder().encode("hello"), /not a Skirmish replay/],
      ["cut.replay", whole.subarray(0, whole.length >> 1), /damaged/],
      ["short.replay", gzipSync(encodeReplay(readReplayFile(whole)).subarray(0, 300)), /cut short/],
    ];
    for (const [name, bytes, message] of cases) {
      await writeFile(join(dir, name), bytes);
      const { code, out } = await replayCli(join(dir, name));
      expect(code, name).toBe(2);
      expect(out, name).toMatch(message);
    }
    expect((await replayCli(join(dir, "missing.replay"))).out).toMatch(/cannot read it \(ENOENT\)/);
  });

  it("--to-test writes a test, wherever asked, that passes; the same test of a match played differently fails naming the tick and the ships", async () => {
    const dir = await mkdtemp(join(tmpdir(), "skirmish-pinned-"));
    const test = join(dir, "bug-1234.test.ts");
    const pinned = await replayCli(FIXTURE, "--to-test", test);
    expect(pinned.code).toBe(0);
    expect(pinned.out).toContain("the test: npm run test:node -- ");
    const written = await readFile(test, "utf8");
    expect(written).toMatch(/scoreboard: \{\n\s+mode: "ffa",/);
    expect(written).toMatch(/\{ name: "Linus", kos: \d+, deaths: \d+, bot: false, team: 0 \}/);
    const passing = await testNode(test);
    expect(passing.out).toMatch(/1 passed/);
    expect(passing.code).toBe(0);

    // The replay beside it now holds a match played differently from tick 100 on, as a changed rule would make it.
    const replay = readReplayFile(await readFile(FIXTURE));
    const changedAt = replay.ticks.findIndex((record, index) => index >= 100 && record.inputs.length > 0);
    const changed = replay.ticks[changedAt]!.inputs[0]!;
    for (const input of changed.controls) input.moveX = input.moveX > 0 ? -MOVE_AXIS_MAX : MOVE_AXIS_MAX;
    await writeFile(join(dir, "bug-1234.replay"), gzipSync(encodeReplay(replay)));
    const failing = await testNode(test);
    expect(failing.code).toBe(1);
    expect(failing.out).toContain(`The match parts from the pinned one at tick ${replay.start.tick + changedAt + 1}`);
    expect(failing.out).toMatch(/Ships that differ there: \w+/);
    expect(failing.out).toContain("Final scoreboard, as pinned");
  }, 60_000);
});
