// Messages between server and client besides state patches and inputs.
import type { ChatMessage } from "./chat.ts";
import type { ModeName } from "./modes/index.ts";
import type { Phase } from "./world.ts";

/** A knock-out, for the kill feed (the ships' names are in the state). */
export interface KoMessage {
  killer: string;
  victim: string;
  /** When it happened, wall-clock ms (the scoreboard page measures how late each view shows it). */
  at: number;
}

/**
 * A knock-out as the server tells everyone: the fields of KoMessage in order, without
 * their names, which cost every client 19 bytes a knock-out (53 bytes in all, 34 now).
 */
export type KoWire = [killer: string, victim: string, at: number];

export function koToWire({ killer, victim, at }: KoMessage): KoWire {
  return [killer, victim, at];
}

export function koFromWire([killer, victim, at]: KoWire): KoMessage {
  return { killer, victim, at };
}

/** Server to a player who pressed Report: a replay to attach to a bug report, and the file name to save it as. */
export interface ReportMessage {
  replay: Uint8Array;
  file: string;
}

/** The opening handshake of a client's WebSocket as the server saw it (sent to a client that asks). */
export interface Handshake {
  /** Whether it came over TLS (https and wss). */
  secure: boolean;
  /** The request line and the handshake's headers, as received. */
  request: string[];
  /** The status line and headers of the server's answer. */
  response: string[];
}

/** The close code of a player the host removed from the room (the framework's own are below 4020). */
export const REMOVED_BY_HOST = 4020;

/** A message the server sends: who to (everyone in the room, or one client), and its payload's type. */
interface ServerMessage<Payload> {
  to: "room" | "one";
  /** Only a type: what the message carries. */
  readonly payload?: Payload;
}

function message<Payload>(to: ServerMessage<Payload>["to"]): ServerMessage<Payload> {
  return { to };
}

/**
 * Every message the arena room sends, once. The room's client type is made from
 * it (server/ArenaRoom.ts), so its `send` and `broadcast`, and the SDK's
 * `onMessage` in the client, take these types and payloads and no others.
 */
export const SERVER_MESSAGES = {
  /** A ship was knocked out, for the kill feed. */
  ko: message<KoWire>("room"),
  /** A line of chat, as the server cleaned it. */
  chat: message<ChatMessage>("room"),
  /** To the sender of a chat line that was not sent, and why ("wait a moment"). */
  "chat-notice": message<{ text: string }>("one"),
  /** To a player who pressed Report: the replay to save (see server/Reports.ts). */
  report: message<ReportMessage>("one"),
  /** To a player whose Report got no replay: why ("another in 3 s"). */
  "report-notice": message<{ text: string }>("one"),
  /** To a client that asked: how the server saw its WebSocket's opening handshake. */
  handshake: message<Handshake>("one"),
  /** What the host did, or who the host now is, told to everyone ("The host set the KO target to 5 from the next round"). */
  "room-notice": message<{ text: string }>("room"),
  /** To a player who asked for what only the host may do, or a team switch the room does not allow: why nothing changed. */
  "host-notice": message<{ text: string }>("one"),
  /** To a spectator who asked for a seat: why they did not get one. */
  "seat-notice": message<{ text: string }>("one"),
  /** To a player who has changed nothing for a while: they will be moved to watching in `seconds` unless they play. */
  "idle-warning": message<{ seconds: number }>("one"),
  /** To a player moved to watching (their ship and seat freed): why. */
  watching: message<{ reason: "idle" }>("one"),
} as const;

/** Each server message's payload, by type. */
export type ServerMessages = { [Type in keyof typeof SERVER_MESSAGES]: NonNullable<(typeof SERVER_MESSAGES)[Type]["payload"]> };

/** The room's messages sent to everyone in it (the rest go to one client). */
export const BROADCAST_MESSAGES: ReadonlySet<string> = new Set(
  Object.entries(SERVER_MESSAGES)
    .filter(([, { to }]) => to === "room")
    .map(([type]) => type),
);

/** What the lobby's live room list shows of a public room (its matchmaking metadata). */
export interface RoomListing {
  /** The mode of the round under way. */
  mode: ModeName;
  layout: string;
  players: number;
  maxPlayers: number;
  bots: number;
  /** Clients watching without a ship. */
  spectators: number;
  phase: Phase;
  /** Wall-clock time (ms since the epoch) when the current round, or its results screen, ends. */
  phaseEndsAt: number;
}

/** A room's scores as GET /api/rooms/:code/scoreboard returns them. */
export interface Scoreboard {
  code: string;
  /** The mode of the round under way. */
  mode: ModeName;
  layout: string;
  round: number;
  phase: Phase;
  secondsLeft: number;
  koTarget: number;
  /** King of the Hill's points that win a round. */
  holdTarget: number;
  /** Each team's score in a team mode (Red is team 1, Blue team 2); none in free-for-all. */
  teams: Array<{ team: number; score: number }>;
  /** Ranked; `host` marks a private room's host; `team` is 0 in free-for-all. */
  ships: Array<{ name: string; kos: number; deaths: number; bot: boolean; host: boolean; team: number }>;
  /** Recent knock-outs, newest first; `at` is wall-clock ms. */
  feed: Array<{ killer: string; victim: string; at: number }>;
  /** When this answer was made, wall-clock ms. */
  at: number;
  /** Goes up whenever the scores, the ships or the round change: a long poll waits for it to move. */
  version: number;
}
