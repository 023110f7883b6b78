// Who sits in an arena room. Players and spectators have seats of their own:
// spectators never take a player's seat, nor players a spectator's. Seats on their
// way in (reserved by the matchmaker, not yet joined) count too, so a crowd that
// fills the room is turned away at reservation and goes on to another room.
import { SPECTATOR_SLOTS } from "../shared/constants.ts";
import { isSpectator } from "./joinOptions.ts";

export class Seats {
  /** Players in the room (their ships, away ones included), by session id. */
  readonly players = new Set<string>();
  readonly spectators = new Set<string>();
  /** Player seats: the room's setting, which its host may change between rounds. */
  maxPlayers: number;

  constructor(maxPlayers: number) {
    this.maxPlayers = maxPlayers;
  }

  /** Whether a client joining with these options has a seat, given the join options of the seats on their way in. */
  admits(options: unknown, incoming: readonly unknown[]): boolean {
    const spectating = isSpectator(options);
    const coming = incoming.filter((pending) => isSpectator(pending) === spectating).length;
    return spectating ? this.spectators.size + coming < SPECTATOR_SLOTS : this.players.size + coming < this.maxPlayers;
  }
}
