// What a test pinned from a replay keeps (`npm run replay -- FILE --to-test OUT`;
// the kit's expectReplayAsPinned checks it): the final scoreboard, and the trace,
// every tick's checksum and every checked field of every entity as the rules
// re-simulated them when the test was pinned. A replay alone says only that a
// later run parts from it; the trace says where and how.
//
// Stored as gzipped JSON, a column per field: numbers as their first value and then
// runs of equal steps (a ship gliding at one speed is one run), other values as runs.
import { gunzipSync, gzipSync } from "node:zlib";
import type { Replay } from "../../shared/replay/format.ts";
import { ReplaySimulation } from "../../shared/replay/ReplaySimulation.ts";
import { worldChecksum } from "../../shared/replay/snapshot.ts";
import { scoreboardFromState } from "../../shared/scores.ts";
import { type FieldValue, type Scoreline, type WorldValues, worldValues } from "./stateDiff.ts";

const TRACE_VERSION = 1;

/** What a pinned test keeps of the final scoreboard. */
export interface PinnedScoreboard {
  mode: string;
  round: number;
  teams: Array<{ team: number; score: number }>;
  ships: Array<Scoreline & { bot: boolean }>;
}

/** The final scoreboard of a re-simulation, as a pinned test keeps it. */
export function pinnedScoreboard(simulation: ReplaySimulation): PinnedScoreboard {
  const board = scoreboardFromState(simulation.state);
  return {
    mode: board.mode,
    round: board.round,
    teams: board.teams,
    ships: board.ships.map(({ name, kos, deaths, bot, team }) => ({ name, kos, deaths, bot, team })),
  };
}

/** A column, encoded: numbers as [first, step, repeats, step, repeats, …]; anything else as [value, repeats, …]. */
type Column = { steps: number[] } | { runs: FieldValue[] };

interface EntityTrace {
  /** The ticks (indices from the replay's first) the entity was there: [first, count, first, count, …]. */
  spans: number[];
  columns: Record<string, Column>;
}

interface StoredTrace {
  version: number;
  /** The tick of the replay's keyframe: index 0 is the tick after it. */
  startTick: number;
  checksums: number[];
  entities: Record<string, EntityTrace>;
}

/** Re-simulates `replay` and traces every tick. */
export function traceReplay(replay: Replay): { trace: Uint8Array; simulation: ReplaySimulation } {
  const simulation = new ReplaySimulation(replay);
  const checksums: number[] = [];
  const rows = new Map<string, { ticks: number[]; values: Record<string, FieldValue[]> }>();
  while (!simulation.done) {
    simulation.step();
    const index = checksums.length;
    checksums.push(worldChecksum(simulation.state, replay.version));
    for (const [entity, fields] of worldValues(simulation.state)) {
      const row = rows.get(entity) ?? { ticks: [], values: Object.fromEntries(Object.keys(fields).map((name) => [name, []])) };
      rows.set(entity, row);
      row.ticks.push(index);
      for (const [name, value] of Object.entries(fields)) row.values[name]!.push(value);
    }
  }
  const entities: Record<string, EntityTrace> = {};
  for (const [entity, row] of rows) {
    entities[entity] = { spans: spansOf(row.ticks), columns: Object.fromEntries(Object.entries(row.values).map(([name, values]) => [name, encode(values)])) };
  }
  const stored: StoredTrace = { version: TRACE_VERSION, startTick: replay.start.tick, checksums, entities };
  return { trace: gzipSync(JSON.stringify(stored), { level: 9 }), simulation };
}

/** A trace read back: the checksum and the values of every entity at any tick traced. */
export class Trace {
  readonly startTick: number;
  readonly checksums: readonly number[];
  private readonly entities = new Map<string, { at: Map<number, number>; columns: Record<string, FieldValue[]> }>();

  constructor(bytes: Uint8Array) {
    const stored = JSON.parse(gunzipSync(bytes).toString("utf8")) as StoredTrace;
    if (stored.version !== TRACE_VERSION)
      throw new Error(`This trace is version ${stored.version}; the kit reads version ${TRACE_VERSION}. Pin the test again.`);
    this.startTick = stored.startTick;
    this.checksums = stored.checksums;
    for (const [entity, { spans, columns }] of Object.entries(stored.entities)) {
      const at = new Map<number, number>();
      for (let i = 0; i < spans.length; i += 2) for (let k = 0; k < spans[i + 1]!; k++) at.set(spans[i]! + k, at.size);
      this.entities.set(entity, { at, columns: Object.fromEntries(Object.entries(columns).map(([name, column]) => [name, decode(column)])) });
    }
  }

  /** Every entity there at the `index`th tick of the replay, with its traced values. */
  valuesAt(index: number): WorldValues {
    const values: WorldValues = new Map();
    for (const [entity, { at, columns }] of this.entities) {
      const row = at.get(index);
      if (row === undefined) continue;
      values.set(entity, Object.fromEntries(Object.entries(columns).map(([name, column]) => [name, column[row]!])));
    }
    return values;
  }
}

function spansOf(indices: readonly number[]): number[] {
  const spans: number[] = [];
  for (const index of indices) {
    const last = spans.length - 2;
    if (last >= 0 && spans[last]! + spans[last + 1]! === index) spans[last + 1]!++;
    else spans.push(index, 1);
  }
  return spans;
}

function encode(values: readonly FieldValue[]): Column {
  if (values.every((value) => typeof value === "number")) {
    const steps: number[] = [values[0] as number];
    for (let i = 1; i < values.length; i++) {
      const step = (values[i] as number) - (values[i - 1] as number);
      if (steps.length > 1 && steps[steps.length - 2] === step) steps[steps.length - 1]!++;
      else steps.push(step, 1);
    }
    return { steps };
  }
  const runs: FieldValue[] = [];
  for (const value of values) {
    if (runs.length > 0 && runs[runs.length - 2] === value) (runs[runs.length - 1] as number)++;
    else runs.push(value, 1);
  }
  return { runs };
}

function decode(column: Column): FieldValue[] {
  const values: FieldValue[] = [];
  if ("steps" in column) {
    const [first, ...rest] = column.steps;
    let value = first!;
    values.push(value);
    for (let i = 0; i < rest.length; i += 2) {
      for (let k = 0; k < rest[i + 1]!; k++) {
        value += rest[i]!;
        values.push(value);
      }
    }
    return values;
  }
  for (let i = 0; i < column.runs.length; i += 2) for (let k = 0; k < (column.runs[i + 1] as number); k++) values.push(column.runs[i]!);
  return values;
}
