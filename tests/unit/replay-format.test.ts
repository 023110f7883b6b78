// The replay format: the recorded fixtures still re-simulate exactly (a rule change
// that alters matches fails here, naming the tick), a replay survives a round trip
// through the format, and no file, however broken or hostile, gets past the reader
// with anything but a ReplayError, or makes it allocate or loop without bound.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readReplayFile } from "../../server/replayFile.ts";
import { ByteWriter, ReplayError } from "../../shared/replay/bytes.ts";
import { decodeReplay, encodeReplay, REPLAY_LIMITS, REPLAY_VERSION } from "../../shared/replay/format.ts";
import { ReplaySimulation } from "../../shared/replay/ReplaySimulation.ts";
import { MODE_NAMES } from "../../shared/modes/index.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "replays");
const fixtureFiles = (await readdir(FIXTURES)).filter((name) => name.endsWith(".replay"));
const first = await readFile(join(FIXTURES, fixtureFiles[0]!));
const raw = new Uint8Array(gunzipSync(first));

/** A small deterministic generator, so a failing corruption can be found again. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return state / 2 ** 32;
  };
}

/** Reads and plays a replay; anything wrong must surface as a ReplayError. */
function readAndPlay(bytes: Uint8Array): "played" | "refused" {
  try {
    new ReplaySimulation(decodeReplay(bytes)).run();
    return "played";
  } catch (error) {
    if (error instanceof ReplayError) return "refused";
    throw error;
  }
}

describe("recorded fixtures", () => {
  it.each(fixtureFiles)("%s re-simulates with every checksum matching", async (name) => {
    const replay = readReplayFile(await readFile(join(FIXTURES, name)));
    const simulation = new ReplaySimulation(replay);
    expect(simulation.run()).toBeNull();
    expect(simulation.checked).toBe(replay.checksums.length);
    expect(simulation.checked).toBeGreaterThan(5);
  });

  it("cover every mode (a version 1 or 2 replay is free-for-all)", async () => {
    const modes = new Set<string>();
    for (const name of fixtureFiles) modes.add(readReplayFile(await readFile(join(FIXTURES, name))).start.mode);
    expect([...modes].sort()).toEqual([...MODE_NAMES].sort());
  });

  it("round-trips through the format byte for byte", () => {
    expect(encodeReplay(decodeReplay(raw))).toEqual(raw);
  });
});

describe("a broken or hostile replay", () => {
  it("cut short anywhere is refused, never misread", () => {
    for (let length = 0; length < raw.length; length++) {
      expect(() => decodeReplay(raw.subarray(0, length)), `cut at ${length}`).toThrow(ReplayError);
    }
  });

  it("with any byte changed is refused or plays to its end: never another error, never a hang", () => {
    const random = generator(7);
    const outcomes = { played: 0, refused: 0 };
    for (let trial = 0; trial < 400; trial++) {
      const bytes = raw.slice();
      const at = Math.floor(random() * bytes.length);
      bytes[at] = Math.floor(random() * 256);
      outcomes[readAndPlay(bytes)]++;
    }
    // Both ways are exercised: some changes break the file, some only change the match.
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.played).toBeGreaterThan(0);
  });

  it("claiming huge lists is refused before anything is allocated for them", () => {
    const claim = (shipCount: number) => {
      const out = new ByteWriter();
      out.bytes(Uint8Array.from([0x53, 0x4b, 0x52, 0x50, REPLAY_VERSION]));
      out.text("ABCDE");
      for (const value of [1, 30, 0]) out.varuint(value); // round, tick rate, date
      out.u8(1);
      for (const value of [0, 1]) out.varuint(value); // keyframe: tick, round
      out.u8(0);
      for (const value of [5400, 180, 15]) out.varuint(value);
      out.text("Crossroads");
      out.varuint(0); // serial
      out.u8(0); // arena: rotate
      out.u8(0); // mode: ffa
      out.u8(0); // next mode: ffa
      for (const value of [60, 0, 0]) out.varuint(value); // hold target, red and blue scores
      out.u8(0); // hill: neutral
      out.varuint(0); // hill ticks
      out.varuint(shipCount);
      return out.finish();
    };
    expect(() => decodeReplay(claim(1_000_000_000))).toThrow("more than");
    expect(() => decodeReplay(claim(REPLAY_LIMITS.ships))).toThrow("cut short");
  });

  it("is refused with a message that says what is wrong", () => {
    expect(() => decodeReplay(new TextEncoder().encode("hello, not a replay"))).toThrow("not a Skirmish replay");
    const future = raw.slice();
    future[4] = REPLAY_VERSION + 1;
    expect(() => decodeReplay(future)).toThrow(`format version ${REPLAY_VERSION + 1}`);
    expect(() => readReplayFile(new TextEncoder().encode("{}"))).toThrow("not gzip-compressed");
    expect(() => readReplayFile(first.subarray(0, first.length - 9))).toThrow("damaged");
    expect(() => readReplayFile(new Uint8Array(REPLAY_LIMITS.bytes + 1))).toThrow("too large");
    // A gzip bomb: a small file that would inflate past the limit is stopped at the limit.
    const bomb = gzipSync(new Uint8Array(REPLAY_LIMITS.bytes * 4));
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => readReplayFile(bomb)).toThrow("unpacks to more than");
  });
});
