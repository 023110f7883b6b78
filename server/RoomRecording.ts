// An arena room's rounds, recorded as they are played (shared/replay's recorder),
// kept as replays (ReplayStore), and cut into reports for players who send one.
// The room tells it what entered the simulation; it keeps the rest to itself.
import type { Presence } from "@colyseus/core";
import { REPORT_SECONDS, ReplayRecorder, type RecordedRound } from "../shared/replay/ReplayRecorder.ts";
import type { Change } from "../shared/replay/format.ts";
import type { ShipControls } from "../shared/step.ts";
import type { WorldEvent, WorldState } from "../shared/world.ts";
import { log } from "./log.ts";
import { packReplay } from "./replayFile.ts";
import { ReplayStore, type ReplaySummary } from "./ReplayStore.ts";

export interface RecordingOptions {
  room: string;
  tickRate: number;
  /** A private room's replays are listed to no one (they are reached by the room's code). */
  private: boolean;
  /** Bytes of replays kept in memory (or in the shared Redis). */
  memoryBytes: number;
  /** Replays are also written here, when set. */
  dir?: string;
}

export class RoomRecording {
  private readonly options: RecordingOptions;
  private readonly recorder: ReplayRecorder;
  private readonly replays: ReplayStore;
  /** Replays being packed and stored, awaited before the room is gone. */
  private readonly saving = new Set<Promise<unknown>>();
  /** The last round kept, packed: what a player reports between rounds. */
  private lastRound: Promise<Uint8Array> | null = null;
  /** Called with each round's replay once it is stored; for tests. */
  onSaved: ((summary: ReplaySummary) => void) | null = null;

  constructor(presence: Presence, world: WorldState, options: RecordingOptions) {
    this.options = options;
    this.replays = new ReplayStore(presence, { maxBytes: options.memoryBytes, dir: options.dir });
    this.recorder = new ReplayRecorder({ room: options.room, tickRate: options.tickRate, now: Date.now });
    this.recorder.begin(world);
  }

  /** A ship joined, left, dropped or came back, or the host ended the phase, before the next tick. */
  change(change: Change): void {
    this.recorder.change(change);
  }

  /** The room applied this input to this player's ship in the tick being stepped. */
  applied(ship: string, input: ShipControls): void {
    this.recorder.applied(ship, input);
  }

  /** A player's shot in the tick being stepped, judged by lag compensation or not. */
  shot(bullet: string, compensated: boolean): void {
    this.recorder.shot(bullet, compensated);
  }

  /** The tick has been stepped: a round it ended is kept. */
  endTick(world: WorldState, events: readonly WorldEvent[]): void {
    const round = this.recorder.endTick(world, events);
    if (round) this.keep(round);
  }

  /**
   * What a player reports (a bug report's replay): between rounds, the whole round
   * just played; during one, its last REPORT_SECONDS or so. Null before anything was recorded.
   */
  async report(betweenRounds: boolean): Promise<{ replay: Uint8Array; whole: boolean } | null> {
    if (betweenRounds && this.lastRound) return { replay: await this.lastRound, whole: true };
    const slice = this.recorder.lastSeconds(REPORT_SECONDS);
    return slice ? { replay: await packReplay(slice), whole: false } : null;
  }

  /** The room is closing: the round under way is kept, cut short, and every replay is stored before this resolves. */
  async close(round: number): Promise<void> {
    const cutShort = this.recorder.finish(round);
    if (cutShort) this.keep(cutShort);
    await Promise.all(this.saving);
  }

  /** Packs a recorded round and keeps it (see ReplayStore). */
  private keep(round: RecordedRound): void {
    const { room, tickRate } = this.options;
    const packed = packReplay(round.bytes);
    this.lastRound = packed;
    const saving = packed
      .then((file) =>
        this.replays.save(
          {
            room,
            round: round.round,
            players: round.players,
            seconds: Math.round(round.ticks / tickRate),
            complete: round.complete,
            recordedAt: round.recordedAt,
            private: this.options.private,
          },
          file,
        ),
      )
      .then((summary) => this.onSaved?.(summary))
      .catch((error: unknown) => log.error({ err: error, event: "replay-not-kept", room }, `Room ${room}: round ${round.round}'s replay was not kept.`))
      .finally(() => this.saving.delete(saving));
    this.saving.add(saving);
  }
}
