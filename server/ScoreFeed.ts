// What an arena room tells of its scores: the knock-out everyone hears of, the
// recent ones the scoreboard page lists, and the scoreboard's version, which a
// long poll waits on (GET /api/rooms/:code/scoreboard?wait=<version>).
import { type KoWire, koToWire, type Scoreboard } from "../shared/messages.ts";
import type { ArenaState } from "../shared/schema.ts";
import { scoreboardFromState } from "../shared/scores.ts";

/** Knock-outs the scoreboard lists, newest first. */
const FEED_SIZE = 10;

export class ScoreFeed {
  private readonly state: ArenaState;
  private readonly feed: Array<{ killer: string; victim: string; at: number }> = [];
  private signature = "";
  private version = 0;

  constructor(state: ArenaState) {
    this.state = state;
  }

  /** A ship was knocked out: the message everyone hears, and a line of the feed. */
  ko(killer: string, victim: string, at = Date.now()): KoWire {
    const ships = this.state.ships;
    this.feed.unshift({ killer: ships.get(killer)?.name ?? "", victim: ships.get(victim)?.name ?? "", at });
    this.feed.length = Math.min(this.feed.length, FEED_SIZE);
    return koToWire({ killer, victim, at });
  }

  /** Scores, round and recent knock-outs, as the scoreboard API answers. */
  scoreboard(code: string): Scoreboard {
    return { code, ...scoreboardFromState(this.state), feed: this.feed.map((line) => ({ ...line })), at: Date.now(), version: this.currentVersion() };
  }

  /** The scoreboard's version: it moves whenever what the scoreboard shows (but its clock) changes: scores, teams, ships, the round. */
  currentVersion(): number {
    const { round, phase, redScore, blueScore } = this.state;
    const ships = [...this.state.ships.values()].map((ship) => [ship.name, ship.kos, ship.deaths, ship.team]);
    const signature = JSON.stringify([round, phase, redScore, blueScore, this.feed[0]?.at, ships]);
    if (signature !== this.signature) {
      this.signature = signature;
      this.version++;
    }
    return this.version;
  }
}
