// Records a room's rounds as replays while they are played, and cuts players'
// reports (the last half minute) from the recording.
import type { ShipControls } from "../step.ts";
import type { WorldEvent, WorldState } from "../world.ts";
import { CHECKSUM_INTERVAL, emptyTick, type Keyframe, REPLAY_LIMITS, type Replay, ReplayWriter, type Change, type TickRecord } from "./format.ts";
import { takeKeyframe, worldChecksum } from "./snapshot.ts";

/** How far back a player's report of a round under way reaches, at most (a bug report's replay). */
export const REPORT_SECONDS = 30;

/** A round's recording, done. */
export interface RecordedRound {
  round: number;
  /** Played to its end (false: the room closed, or the recording reached its size limit). */
  complete: boolean;
  /** Ticks recorded. */
  ticks: number;
  /** Wall-clock ms when the recording started. */
  recordedAt: number;
  /** The names of the players (not bots) who took part. */
  players: string[];
  /** The replay file's contents, uncompressed. */
  bytes: Uint8Array;
}

export interface RecorderOptions {
  room: string;
  tickRate: number;
  /** Wall-clock ms, for the replay's date. */
  now: () => number;
}

export class ReplayRecorder {
  private readonly options: RecorderOptions;
  private writer: ReplayWriter | null = null;
  private recordedAt = 0;
  private startTick = 0;
  private pending = emptyTick();
  /** The pending tick's inputs by ship, to add to without a search. */
  private pendingInputs = new Map<string, ShipControls[]>();
  private checksums: Replay["checksums"] = [];
  private players = new Set<string>();
  /** Players' bullets judged by lag compensation, while they fly. */
  private readonly compensated = new Set<string>();
  /** Recent keyframes and ticks, enough to cut a report from. */
  private keyframes: Keyframe[] = [];
  private recent: Array<{ tick: number; record: TickRecord }> = [];

  constructor(options: RecorderOptions) {
    this.options = options;
  }

  /** Starts recording a round from the world as it stands. */
  begin(world: WorldState): void {
    const start = takeKeyframe(world, (id) => this.compensated.has(id));
    this.writer = new ReplayWriter(start);
    this.recordedAt = this.options.now();
    this.startTick = start.tick;
    this.checksums = [];
    this.players = new Set([...world.ships.values()].filter((ship) => !ship.bot).map((ship) => ship.name));
    this.keyframes = [start];
    this.recent = [];
    this.pending = emptyTick();
    this.pendingInputs = new Map();
  }

  /** A ship joined, left, dropped or came back, before the next tick. */
  change(change: Change): void {
    if (!this.writer) return;
    this.pending.changes.push(change);
    if (change.type === "join" && !change.bot) this.players.add(change.name);
  }

  /** The room applied this input to this player's ship in the tick being stepped. */
  applied(ship: string, input: ShipControls): void {
    const copy = { moveX: input.moveX, moveY: input.moveY, aimX: input.aimX, aimY: input.aimY, fire: input.fire, dash: input.dash };
    const controls = this.pendingInputs.get(ship);
    if (controls) controls.push(copy);
    else {
      const added = [copy];
      this.pendingInputs.set(ship, added);
      this.pending.inputs.push({ ship, controls: added });
    }
  }

  /** A player's shot in the tick being stepped, judged by lag compensation or not. */
  shot(bullet: string, compensated: boolean): void {
    if (compensated) this.compensated.add(bullet);
    else this.pending.uncompensated.push(bullet);
  }

  /**
   * The tick has been stepped. Returns the round's replay when this tick ended
   * it; a round that starts in this tick begins a new recording.
   */
  endTick(world: WorldState, events: readonly WorldEvent[]): RecordedRound | null {
    const record = this.pending;
    this.pending = emptyTick();
    this.pendingInputs = new Map();
    for (const event of events) {
      if ((event.type === "hit" || event.type === "deflect") && this.compensated.has(event.bullet)) {
        record.struck.push({ bullet: event.bullet, target: event.target });
      }
    }
    for (const bullet of this.compensated) if (!world.bullets.has(bullet)) this.compensated.delete(bullet);
    let finished: RecordedRound | null = null;
    const writer = this.writer;
    if (writer) {
      const checksum = worldChecksum(world);
      record.check = checksum & 0xff;
      writer.tick(record);
      this.remember(world, record, checksum);
      const roundOver = events.some((event) => event.type === "round-over");
      if (roundOver || writer.size > REPLAY_LIMITS.bytes * 0.9) finished = this.finish(world.round, roundOver);
    }
    if (events.some((event) => event.type === "round-start")) this.begin(world);
    return finished;
  }

  /** Ends the recording of a round cut short (the room is closing). */
  finish(round: number, complete = false): RecordedRound | null {
    const writer = this.writer;
    this.writer = null;
    if (!writer || writer.ticks === 0) return null;
    const bytes = writer.finish({ room: this.options.room, round, tickRate: this.options.tickRate, recordedAt: this.recordedAt, complete }, this.checksums);
    return { round, complete, ticks: writer.ticks, recordedAt: this.recordedAt, players: [...this.players], bytes };
  }

  /**
   * The last `seconds` (up to REPORT_SECONDS) or so up to the tick just recorded, as a
   * replay: from the latest keyframe at least that far back (or the round's start).
   */
  lastSeconds(seconds: number): Uint8Array | null {
    const last = this.recent[this.recent.length - 1];
    if (!last) return null;
    const wanted = last.tick - Math.min(seconds, REPORT_SECONDS) * this.options.tickRate;
    const start = [...this.keyframes].reverse().find((frame) => frame.tick <= wanted) ?? this.keyframes[0]!;
    const slice = new ReplayWriter(start);
    for (const { tick, record } of this.recent) if (tick > start.tick) slice.tick(record);
    const checksums = this.checksums.filter(({ tick }) => tick > start.tick);
    return slice.finish(
      { room: this.options.room, round: start.round, tickRate: this.options.tickRate, recordedAt: this.recordedAt, complete: false },
      checksums,
    );
  }

  /** Checksums and keyframes every CHECKSUM_INTERVAL ticks; recent ticks kept back to the oldest keyframe a report needs. */
  private remember(world: WorldState, record: TickRecord, checksum: number): void {
    this.recent.push({ tick: world.tick, record });
    if ((world.tick - this.startTick) % CHECKSUM_INTERVAL !== 0) return;
    this.checksums.push({ tick: world.tick, value: checksum });
    this.keyframes.push(takeKeyframe(world, (id) => this.compensated.has(id)));
    const reach = (REPORT_SECONDS + 1) * this.options.tickRate + CHECKSUM_INTERVAL;
    while (this.keyframes.length > 1 && this.keyframes[1]!.tick <= world.tick - reach) this.keyframes.shift();
    const oldest = this.keyframes[0]!.tick;
    while (this.recent.length && this.recent[0]!.tick <= oldest) this.recent.shift();
  }
}
