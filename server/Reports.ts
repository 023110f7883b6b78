// Players' reports: a player who saw something wrong presses Report (on the KO
// card, or in the results) and gets a replay of it to attach to a bug report:
// the round's last half minute while it is played, the whole round between rounds.
// `npm run replay -- FILE --to-test OUT` turns it into a test (docs/testing.md).
import { REPORT_SECONDS } from "../shared/replay/ReplayRecorder.ts";
import type { ArenaState } from "../shared/schema.ts";
import { log } from "./log.ts";
import type { RoomRecording } from "./RoomRecording.ts";

/** A player gets one report in this long, ms: packing one costs the server some work. */
export const REPORT_COOLDOWN_MS = 5000;

export interface ReportAnswer {
  /** The replay and the file name it is saved under, or why there is none. */
  report?: { replay: Uint8Array; file: string };
  notice?: string;
}

export class Reports {
  private readonly room: string;
  private readonly state: ArenaState;
  private readonly recording: RoomRecording;
  /** When each player last got a report. */
  private readonly last = new Map<string, number>();

  constructor(options: { room: string; state: ArenaState; recording: RoomRecording }) {
    this.room = options.room;
    this.state = options.state;
    this.recording = options.recording;
  }

  async report(id: string): Promise<ReportAnswer> {
    const ship = this.state.ships.get(id);
    const now = Date.now();
    const since = now - (this.last.get(id) ?? -Infinity);
    if (since < REPORT_COOLDOWN_MS) return { notice: `A report was just saved: another in ${Math.ceil((REPORT_COOLDOWN_MS - since) / 1000)} s.` };
    this.last.set(id, now);
    const betweenRounds = this.state.phase === "results";
    const round = this.state.round;
    const made = await this.recording.report(betweenRounds);
    if (!made) return { notice: "Nothing has been recorded yet to report." };
    const what = made.whole ? "the whole round" : `the last ${REPORT_SECONDS} s`;
    const name = ship?.name ?? "A spectator";
    log.info(
      { event: "report", room: this.room, round, whole: made.whole, bytes: made.replay.length },
      `Room ${this.room}: ${name} saved a report of round ${round} (${what}, ${Math.ceil(made.replay.length / 1024)} KB).`,
    );
    return {
      report: {
        replay: made.replay,
        file: `skirmish-${this.room}-round-${round}-${made.whole ? "whole" : `last-${REPORT_SECONDS}s`}-tick-${this.state.tick}.replay`,
      },
    };
  }

  /** A player left: their cooldown goes with them. */
  forget(id: string): void {
    this.last.delete(id);
  }
}
