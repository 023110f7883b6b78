// Which closes keep a player's seat for the grace period. A connection that went
// away or broke (the closes the SDK retries), or whose seat a newer connection
// with the same token is taking over, is held. A kicked one (bad input, flooding,
// an oversized or malformed frame) is not, nor one the transport cut off for what
// it did (a ping flood, heartbeats ignored while it kept sending), nor one that
// never completed its join.
import { CloseCode, type Client } from "@colyseus/core";
import { forgive, hasCompletedJoin } from "./framework.ts";
import { cutOffForMisbehaviour } from "./misbehaviour.ts";

/** Close codes of a connection lost rather than refused: going away, no status, abnormal, may try reconnect. */
const DROPS = new Set<number>([CloseCode.GOING_AWAY, CloseCode.NO_STATUS_RECEIVED, CloseCode.ABNORMAL_CLOSURE, CloseCode.MAY_TRY_RECONNECT]);

export class SeatHolds {
  /** Players whose seat a newer connection with their reconnection token is taking over. */
  private readonly takenOver = new Set<string>();
  /** Clients whose socket broke on a frame of theirs. */
  private readonly refused = new Set<string>();

  /**
   * Watches a player's socket: a frame the WebSocket itself refuses (oversized,
   * malformed) closes as "abnormal" (1006), like a lost network; the socket's
   * error says it was the client's doing.
   */
  watch(client: Client): void {
    client.ref.once("error", () => this.refused.add(client.sessionId));
  }

  /**
   * `client`'s seat passes to a newer connection. The framework's own takeover
   * closes the old socket as a kick, which would lose the seat; this holds it.
   */
  takeOver(client: Client): void {
    this.takenOver.add(client.sessionId);
    forgive(client);
  }

  /** Whether `client`, closed with `code`, keeps its seat. */
  holds(client: Client, code: number | undefined): boolean {
    const takenOver = this.takenOver.delete(client.sessionId);
    // Asked even of a client that never completed its join: a client cut off for what it did is logged as such.
    const lost = code !== undefined && DROPS.has(code) && !this.refused.has(client.sessionId) && !cutOffForMisbehaviour(client, code);
    return hasCompletedJoin(client) && (lost || takenOver);
  }

  forget(id: string): void {
    this.refused.delete(id);
    this.takenOver.delete(id);
  }
}
