// Messages between server and client besides state patches and inputs.
import type { Phase } from "./world.ts";

/** Server to all clients when a ship is knocked out, for the kill feed. */
export interface KoMessage {
  killer: string;
  victim: string;
  killerName: string;
  victimName: string;
  /** When it happened, wall-clock ms (the scoreboard page measures how late each view shows it). */
  at: number;
}

/**
 * Server to a knocked-out player: the seconds before the knock-out, as a replay
 * file (gzipped; see shared/replay/format.ts), to re-simulate and watch.
 */
export interface KillcamMessage {
  killer: string;
  victim: string;
  /** The tick the victim's ship returns at: the killcam is over by then. */
  respawnTick: number;
  replay: Uint8Array;
}

/** The room's messages sent to everyone in it (the rest go to one client: notices, the handshake). */
export const BROADCAST_MESSAGES: ReadonlySet<string> = new Set(["ko", "chat"]);

/** Server to one client, once after it joins: the opening handshake of its WebSocket as the server saw it. */
export interface Handshake {
  /** Whether it came over TLS (https and wss). */
  secure: boolean;
  /** The request line and the handshake's headers, as received. */
  request: string[];
  /** The status line and headers of the server's answer. */
  response: string[];
}

/** What the lobby's live room list shows of a public room (its matchmaking metadata). */
export interface RoomListing {
  layout: string;
  players: number;
  maxPlayers: number;
  bots: number;
  phase: Phase;
  /** Wall-clock time (ms since the epoch) when the current round, or its results screen, ends. */
  phaseEndsAt: number;
}

/** A room's scores as GET /api/rooms/:code/scoreboard returns them. */
export interface Scoreboard {
  code: string;
  layout: string;
  round: number;
  phase: Phase;
  secondsLeft: number;
  koTarget: number;
  ships: Array<{ name: string; kos: number; deaths: number; bot: boolean }>;
  /** Recent knock-outs, newest first; `at` is wall-clock ms. */
  feed: Array<{ killer: string; victim: string; at: number }>;
  /** When this answer was made, wall-clock ms. */
  at: number;
  /** Goes up whenever the scores, the ships or the round change: a long poll waits for it to move. */
  version: number;
}
