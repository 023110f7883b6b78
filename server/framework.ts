// Every place Skirmish reaches into Colyseus internals, in one module, applied
// once by installFrameworkGuards() before any room is defined. Each entry says why
// the public API is not enough, the version it was written against, and checks at
// start-up that what it replaces is still there: a framework upgrade that moves
// one of them stops the server with a clear message instead of silently leaving
// the hole open again.
//
// Written against the versions in frameworkVersions.ts, which start-up requires.
//
// The reaches, each with its start-up check and the test that fails if it stops
// working:
// 1.  WebSocketClient#leave: close reasons fit a close frame; an error close is a
//     cut-off line. Checked: requireMethod. Test: hostile-clients "a message type
//     the room does not know closes its sender with an error close (4002)…".
// 1b. WebSocketClient#raw: bytes out counted. requireMethod. Test: operations
//     "GET /metrics serves Prometheus metrics…" (traffic).
// 1c. WebSocketTransport#onConnection: a socket error is a cut-off line, not a
//     stack trace; every socket is watched (clientActivity.ts). requireMethod.
//     Tests: server-log "gives every hostile client…", hostile-clients "for
//     ignoring heartbeats while it keeps sending…".
// 2.  Room#_onMessage: the frame gate (joins, floods, requests, unreliable
//     inputs, malformed frames). requireMethod. Tests: hostile-clients "a client
//     that has not completed its join…", arena-room "kicks a client that floods
//     the room…" (its reason), the fuzz test.
//     A message type that is not UTF-8 is refused before its decoder writes to
//     the console (wellFormed.ts). Test: hostile-clients "a message type that is
//     not UTF-8…".
// 2b. InputDecoder#decode (@colyseus/schema/input, a public class): an input
//     frame the decoder would complain of is refused and its sender kicked,
//     quietly (wellFormed.ts). requireMethod. Test: hostile-clients "an input
//     that does not decode…".
// 3.  Room#_onJoin: an unfinished join times out. requireMethod. Test:
//     hostile-clients "is closed after 5 s if it never completes the join…".
// 4.  Room#_reserveSeat (and its reconnection argument), Room#_reservedSeats:
//     seats by kind, counting those on their way in. requireMethod, and
//     requireSource for the argument's place and the seats' layout. Tests:
//     crowd "seats 60 players…", "spectators have seats of their own…".
// 5.  Room#broadcastPatch: patches on a steady clock. requireMethod. Test: the
//     fuzz test's patch rates for the players who play on.
// Not reaches: the framework's logger (defineServer's `logger`, 7), the Redis
// status (StatusRedisPresence, a subclass), spectators' seats (the watch route,
// routes.ts), a completed join and the message rate (seen by the gate itself),
// what a socket did lately (`ws`'s ping and pong events: clientActivity.ts) and
// a socket error's close code (`ws`'s public error codes). None swaps a global.
import type { IncomingMessage } from "node:http";
import { WebSocketClient, WebSocketTransport } from "@colyseus/ws-transport";
import { CloseCode, Protocol, PROTOCOL_CODE_MASK } from "@colyseus/shared-types";
import { ClientState, Room, ServerError, type Client } from "@colyseus/core";
import { InputDecoder } from "@colyseus/schema/input";
import { heardFrom, watchSocket } from "./clientActivity.ts";
import { logCutOff, notePeer } from "./cutOffs.ts";
import { log } from "./log.ts";
import { FrameworkChanged, requireFrameworkVersions } from "./frameworkVersions.ts";
import { bytesOut, kicks, messagesIn, refusals } from "./metrics.ts";
import { SteadyTimer } from "./SteadyTimer.ts";
import { inputReadable, messageTypeReadable } from "./wellFormed.ts";

/** The WebSocket protocol's limit on a close frame's reason (RFC 6455, 5.5.1: 125 bytes less the code). */
export const CLOSE_REASON_MAX_BYTES = 123;
/** How long a client may take from its seat to the JOIN_ROOM that completes its join. */
export const JOIN_COMPLETION_SECONDS = 5;

/** A close reason cut to fit a close frame, in whole UTF-8 characters. */
export function fitCloseReason(reason: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(reason).length <= CLOSE_REASON_MAX_BYTES) return reason;
  let fitted = "";
  let bytes = 0;
  for (const char of reason.toWellFormed()) {
    const size = encoder.encode(char).length;
    if (bytes + size > CLOSE_REASON_MAX_BYTES - 3) break;
    fitted += char;
    bytes += size;
  }
  return `${fitted}...`;
}

type Internals = Record<string, unknown>;
/** A framework method as this module calls it: arguments passed through as the framework received them. */
type Method = (...args: unknown[]) => unknown;

/** Fails start-up loudly if a method this module replaces has moved in a framework upgrade. */
function requireMethod(owner: object, name: string, what: string): Method {
  const method = (owner as Internals)[name];
  if (typeof method !== "function") {
    throw new FrameworkChanged(`Colyseus internals changed: ${what} (${name}) is gone; see server/framework.ts before upgrading.`);
  }
  return method as Method;
}

/**
 * Fails start-up loudly if the framework's `method` no longer reads or writes
 * what this module relies on (an argument's place, a record's layout), as its
 * source says: there is no other way to see a parameter's meaning before a call.
 */
function requireSource(method: Method, shape: RegExp, what: string): void {
  if (!shape.test(Function.prototype.toString.call(method))) {
    throw new FrameworkChanged(`Colyseus internals changed: ${what} is not as written for; see server/framework.ts before upgrading.`);
  }
}

/** Clients whose JOIN_ROOM the message gate (2) has passed: they completed their join. */
const joined = new WeakSet<Client>();

/** Whether a client finished joining (sent JOIN_ROOM), as the message gate saw it. */
export function hasCompletedJoin(client: Client): boolean {
  return joined.has(client);
}

/** A room may refuse a seat by kind (player or spectator) before the framework reserves it. */
export interface SeatPolicy {
  admits(joinOptions: unknown): boolean;
  /** Called after a seat is reserved: the room may lock itself before the next request reads its listing. */
  onSeatReserved?(): void;
}

/**
 * The join options of seats reserved in `room` and not yet taken (joins on their
 * way in); reconnection seats are left out, their owner is still counted.
 */
export function pendingSeats(room: Room): unknown[] {
  return Object.values(reservedSeats(room))
    .filter(([, , consumed, reconnection]) => !consumed && !reconnection)
    .map(([options]) => options);
}

/** The session ids whose seats are held for a reconnection. */
function pendingReconnections(room: Room): Set<string> {
  return new Set(
    Object.entries(reservedSeats(room))
      .filter(([, [, , consumed, reconnection]]) => reconnection && !consumed)
      .map(([sessionId]) => sessionId),
  );
}

/** The framework's reserved seats: [join options, auth, consumed, for a reconnection] by session id. */
function reservedSeats(room: Room): Record<string, [unknown, unknown, boolean, boolean]> {
  const seats = (room as unknown as { _reservedSeats?: Record<string, [unknown, unknown, boolean, boolean]> })._reservedSeats;
  if (typeof seats !== "object" || seats === null)
    throw new FrameworkChanged("Colyseus internals changed: Room._reservedSeats is gone; see server/framework.ts.");
  return seats;
}

let installed = false;

/** Applies every guard below; idempotent. */
export function installFrameworkGuards(): void {
  if (installed) return;
  installed = true;
  requireFrameworkVersions();
  requireMethod(Room.prototype, "broadcastPatch", "Room's patch broadcast (see sendPatchesOnSteadyClock)");
  clipCloseReasons();
  logSocketErrorsAsCutOffs();
  countBytesOut();
  guardRoomMessages();
  checkInputsBeforeDecoding();
  timeOutUnfinishedJoins();
  reserveSeatsByPolicy();
}

/**
 * 1. Close reasons fit a close frame. The framework closes a client that sends an
 * unregistered message type with a reason that quotes the type; past 123 bytes `ws`
 * throws inside the message handler and the uncaught exception stopped the whole
 * process (one 90-byte frame). Every close this server sends goes through
 * WebSocketClient.leave, so the reason is cut there, for any cause; and a close
 * that throws anyway ends that socket, not the process.
 * A close with an error (4002) cuts a client off for something it sent: it is
 * logged (cutOffs.ts), and a close the framework gives no reason gets the one
 * this module found (see offences), so the client is told too.
 */
function clipCloseReasons(): void {
  const prototype = WebSocketClient.prototype as unknown as Internals;
  requireMethod(prototype, "leave", "WebSocketClient's close");
  prototype.leave = function (this: WebSocketClient, code?: number, reason?: string) {
    if (code !== CloseCode.CONSENTED) kicks.inc({ code: String(code ?? CloseCode.NORMAL_CLOSURE) });
    const why = reason ?? offences.get(this);
    if (code === CloseCode.WITH_ERROR && !forgiven.has(this)) logCutOff(this.ref, code, why ?? "");
    try {
      this.ref.close(code, why === undefined ? undefined : fitCloseReason(String(why)));
    } catch {
      this.ref.terminate();
    }
  };
}

/** Why the server is closing each client it cuts off, where the framework's close does not say. */
const offences = new WeakMap<Client, string>();
/** Clients closed with an error (4002) for no fault of theirs: a seat taken over by a newer connection. */
const forgiven = new WeakSet<Client>();

/** The error close (4002) that is about to close `client` is not for anything it did: no cut-off line. */
export function forgive(client: Client): void {
  forgiven.add(client);
}

/**
 * 1c. A frame the WebSocket protocol itself refuses (too large, a bad opcode,
 * text that is not UTF-8) closes the socket (1009, 1002, 1007), and the
 * transport's error listener printed a stack trace for each one. Our listener
 * comes first: it logs a cut-off line, and the transport's report that follows
 * is the client's doing (see frameworkLogger) until this error has been handled.
 * Here too every socket starts being watched (its pings and pongs), from the
 * moment it opens, as the transport's heartbeat counts from then.
 */
function logSocketErrorsAsCutOffs(): void {
  const prototype = WebSocketTransport.prototype as unknown as Internals;
  const onConnection = requireMethod(prototype, "onConnection", "the WebSocket transport's connection handler");
  prototype.onConnection = function (this: WebSocketTransport, socket: RawSocket, req: IncomingMessage, ...rest: unknown[]) {
    notePeer(socket, req);
    watchSocket(socket);
    socket.on("error", (error: Error) => {
      logCutOff(socket, socketCloseCode(error), error.message);
      clientInput = true;
      // Every listener of this error, the transport's too, runs before the next microtask.
      queueMicrotask(() => (clientInput = false));
    });
    return onConnection.call(this, socket, req, ...rest);
  };
}

type RawSocket = InstanceType<typeof WebSocketClient>["ref"];

/**
 * The close code `ws` sends for each of its frame errors, by the error's public
 * `code` (ws 8: WS_ERR_*), as RFC 6455 (7.4.1) assigns them: a text frame that
 * is not UTF-8 is 1007, a frame past the size limit 1009, too many parts 1008,
 * any other broken frame a protocol error (1002). Not a frame error: 1006.
 */
function socketCloseCode(error: Error): number {
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code !== "string" || !code.startsWith("WS_ERR_")) return CloseCode.ABNORMAL_CLOSURE;
  return FRAME_ERROR_CLOSE_CODES[code] ?? PROTOCOL_ERROR;
}

const PROTOCOL_ERROR = 1002;
const FRAME_ERROR_CLOSE_CODES: Record<string, number> = {
  WS_ERR_INVALID_UTF8: 1007,
  WS_ERR_TOO_MANY_BUFFERED_PARTS: 1008,
  WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: 1009,
  WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH: 1009,
};

/**
 * 1b. Bytes sent to clients are counted for the metrics where every frame goes
 * out: patches, messages and handshakes all pass WebSocketClient.raw. (Simulated
 * latency, COLYSEUS_LATENCY, wraps this entry again later; the count is the same.)
 */
function countBytesOut(): void {
  const prototype = WebSocketClient.prototype as unknown as Internals;
  const raw = requireMethod(prototype, "raw", "WebSocketClient's send");
  prototype.raw = function (this: WebSocketClient, data: ArrayLike<number>, ...rest: unknown[]) {
    bytesOut.inc(data.length);
    return raw.call(this, data, ...rest);
  };
}

/**
 * 2. Every frame a room receives passes one gate before the framework decodes it:
 * - before the join completes, only JOIN_ROOM and LEAVE_ROOM: the framework queues
 *   its replies to anything else until the join completes, so a client that never
 *   completes it could grow that queue without end (95 MB from 20 sockets); a
 *   client taking back a held seat has such frames dropped instead, since the SDK
 *   sends them before it answers the join (its new socket is open by then);
 * - no unreliable inputs: our clients send inputs reliably, and a garbled ring made
 *   the framework's decoder allocate without end (found by the room fuzzer);
 * - no room requests: no room here answers any, and an answer echoes the type;
 * - a message type that is not UTF-8 kicks its sender (its decoder would write to
 *   the console and read on: wellFormed.ts), as does an input the input decoder
 *   refused (2b), quietly;
 * - anything that throws while decoding kicks its sender instead of escaping.
 * Kicks close with 4002 (CloseCode.WITH_ERROR) and a short reason.
 * Patched on Room.prototype, looked up when a client joins: simulated latency
 * (COLYSEUS_LATENCY) wraps this entry again later, which is fine.
 */
function guardRoomMessages(): void {
  const prototype = Room.prototype as unknown as Internals;
  const decode = requireMethod(prototype, "_onMessage", "Room's message entry");
  prototype._onMessage = function (this: Room, client: Client, buffer: Uint8Array) {
    if (client.state === ClientState.LEAVING || !buffer || buffer.length === 0) return;
    messagesIn.inc();
    heardFrom(client.ref);
    const code = buffer[0]! & PROTOCOL_CODE_MASK;
    const verdict = judgeFrame(client, code, buffer);
    if (verdict === "drop") return;
    if (verdict !== "decode") return kick(client, verdict.kick);
    if (code === Protocol.JOIN_ROOM && client.state === ClientState.JOINING) joined.add(client);
    const tooMany = countMessage(client, this.clock.currentTime, this.maxMessagesPerSecond);
    const heard = complaints;
    inputRefused = false;
    clientInput = true;
    try {
      decode.call(this, client, buffer);
    } catch {
      kick(client, "Malformed message.");
    } finally {
      clientInput = false;
    }
    if (inputRefused) kick(client, "Malformed input.");
    if (complaints > heard && !offences.has(client)) offences.set(client, "Malformed message.");
    // The framework closes a client past maxMessagesPerSecond without a word.
    if (tooMany && !offences.has(client)) offences.set(client, `Too many messages: more than ${this.maxMessagesPerSecond} a second.`);
  };
}

/**
 * Whether the framework is handling a client's input right now: reading one of
 * its frames, or reporting an error of its socket. What the framework complains
 * of meanwhile is that client's doing, not the server's: the errors it reports
 * to its logger (a payload that does not unpack, a frame the WebSocket refuses;
 * see frameworkLogger) are counted in `complaints`, never printed; a client
 * closed after one is told, and logged, that it sent a malformed message. (What
 * its decoders would write to the console instead is refused before they read
 * it: see wellFormed.ts.)
 */
let clientInput = false;
let complaints = 0;

/** Each client's messages in its current second, counted as the framework counts them (Room._onMessage). */
const messageRates = new WeakMap<Client, { count: number; resetsAt: number }>();

/** Counts one message of `client` at room time `now`; whether it is past `max` in its second, as the framework will find. */
function countMessage(client: Client, now: number, max: number): boolean {
  const rate = messageRates.get(client);
  if (!rate || now >= rate.resetsAt) {
    messageRates.set(client, { count: 0, resetsAt: now + 1000 });
    return false;
  }
  return ++rate.count > max;
}

/** What becomes of a frame: decoded, dropped unread, or its sender kicked with a reason. */
type Verdict = "decode" | "drop" | { kick: string };

function judgeFrame(client: Client, code: number, frame: Uint8Array): Verdict {
  if (client.state === ClientState.JOINING && code !== Protocol.JOIN_ROOM && code !== Protocol.LEAVE_ROOM) {
    // The SDK (0.18.4) re-joining a held seat sends as soon as its new socket opens,
    // before it answers the join: those frames are dropped, unread and unqueued.
    return rejoining.has(client) ? "drop" : { kick: "Finish joining before sending room messages." };
  }
  if (code === Protocol.ROOM_INPUT_UNRELIABLE) return { kick: "Inputs go on the reliable channel." };
  if (code === Protocol.ROOM_REQUEST) return { kick: "This room answers no requests." };
  // The type's decoder writes to the console (and reads on) where a type is not UTF-8; see wellFormed.ts.
  if ((code === Protocol.ROOM_DATA || code === Protocol.ROOM_DATA_BYTES) && !messageTypeReadable(frame)) return { kick: "Malformed message." };
  return "decode";
}

/** Clients taking back a seat held for them after a drop, until their join completes. */
const rejoining = new WeakSet<Client>();

/** Closes a client with an error (4002) and a reason that says what it did; logged as a cut-off. */
export function kick(client: Client, reason: string): void {
  if (client.state === ClientState.LEAVING) return;
  client.ref?.removeAllListeners?.("message");
  client.leave(CloseCode.WITH_ERROR, reason);
}

/** Whether the input decoder (2b) refused the frame being decoded now. */
let inputRefused = false;

/**
 * 2b. Every input frame is checked before it is decoded (InputDecoder#decode,
 * the public class of @colyseus/schema/input that the framework gives each
 * client). The schema decoder does not throw on an unknown field or structure:
 * it writes a warning with the whole schema to the console and skips on (472
 * bytes of log for a 3-byte frame). A frame it would complain of (wellFormed.ts),
 * or one that throws, is refused: the gate kicks its sender, the ServerError
 * thrown here is one the framework's catch does not log, and no input is taken.
 */
function checkInputsBeforeDecoding(): void {
  const prototype = InputDecoder.prototype as unknown as Internals;
  const decode = requireMethod(prototype, "decode", "the input decoder (InputDecoder#decode)");
  prototype.decode = function (this: InputDecoder, body: Uint8Array) {
    if (inputReadable(body, this.instance)) {
      try {
        return decode.call(this, body);
      } catch {
        // Refused below, like a frame that does not read.
      }
    }
    inputRefused = true;
    throw new ServerError(CloseCode.WITH_ERROR, "malformed input");
  };
}

/**
 * 3. A client has JOIN_COMPLETION_SECONDS from taking its seat to completing the
 * join; after that it is closed. The framework never times this step out, so a
 * client that stopped there held a seat (and, here, a ship) for as long as it
 * kept the socket open.
 */
function timeOutUnfinishedJoins(): void {
  const prototype = Room.prototype as unknown as Internals;
  const join = requireMethod(prototype, "_onJoin", "Room's join");
  prototype._onJoin = async function (this: Room, client: Client, ...rest: unknown[]) {
    if (pendingReconnections(this).has(client.sessionId)) rejoining.add(client);
    await join.call(this, client, ...rest);
    if (client.state !== ClientState.JOINING) return;
    const timer = setTimeout(() => {
      if (!hasCompletedJoin(client)) kick(client, "The join was not completed in time.");
    }, JOIN_COMPLETION_SECONDS * 1000);
    client.ref.once("close", () => clearTimeout(timer));
  };
}

/**
 * 4. Seats are reserved by kind. The framework reserves seats against maxClients
 * alone, before onJoin sees who is joining, so spectators took players' seats (20
 * of them locked a room) and a crowd was refused in onJoin rather than sent to
 * another room. A room that implements SeatPolicy refuses the reservation itself,
 * which the matchmaker answers by trying another room (or opening one).
 */
function reserveSeatsByPolicy(): void {
  const prototype = Room.prototype as unknown as Internals;
  const reserve = requireMethod(prototype, "_reserveSeat", "Room's seat reservation");
  // The reconnection flag is the fifth argument (rest[2] below), and a seat is [options, auth, consumed, reconnection].
  requireSource(reserve, /^async _reserveSeat\(sessionId, joinOptions[^,]*, authData[^,]*, seconds[^,]*, allowReconnection\b/, "Room#_reserveSeat's arguments");
  requireSource(reserve, /this\._reservedSeats\[sessionId\] = \[joinOptions, authData, false, allowReconnection\]/, "Room#_reservedSeats' entries");
  prototype._reserveSeat = async function (this: Room & Partial<SeatPolicy>, sessionId: string, joinOptions: unknown, ...rest: unknown[]) {
    const reconnection = rest[2] === true;
    if (!reconnection && this.admits && !this.admits(joinOptions)) {
      refusals.inc({ reason: "room_full" });
      return false;
    }
    const reserved = await reserve.call(this, sessionId, joinOptions, ...rest);
    if (reserved && !reconnection) this.onSeatReserved?.();
    return reserved;
  };
}

/**
 * 5. A room's patches go out on a steady clock. The framework sends them from a
 * setInterval, which slips on a busy loop (each late call pushes all later ones
 * back: 19.6 instead of 20 patches a second at 50 rooms on 2 cores). The
 * framework's timer keeps calling broadcastPatch, which now does nothing; the
 * SteadyTimer calls the framework's own. Set `room.patchRate` first: clients are
 * told the rate from it. Returns the clock, to stop on dispose.
 */
export function sendPatchesOnSteadyClock(room: Room, onSent: (ms: number) => void): SteadyTimer {
  const broadcast = requireMethod(room, "broadcastPatch", "Room's patch broadcast").bind(room);
  (room as unknown as Internals).broadcastPatch = () => false;
  return new SteadyTimer(room.patchRate!, () => {
    const startedAt = performance.now();
    broadcast();
    onSent(performance.now() - startedAt);
  });
}

/**
 * 7. Colyseus' logger (defineServer's `logger`): the framework's lines go into the
 * server's log. An error it reports while it handles a client's input (a payload
 * that does not unpack, a frame the WebSocket refuses) is that client's doing
 * (see clientInput): the client is closed, and that is one cut-off line, where
 * the framework printed a stack trace for each. Any other error is the server's
 * own and keeps its stack. Its info lines are hints for developers ("Did you miss
 * .allowReconnection()?") that any client can set off by asking to reconnect
 * with an old token: they go to debug.
 */
export const frameworkLogger = {
  trace: (...args: unknown[]) => log.trace(logText(args)),
  debug: (...args: unknown[]) => log.debug(logText(args)),
  info: (...args: unknown[]) => log.debug(logText(args)),
  warn: (...args: unknown[]) => log.warn(logText(args)),
  error: (...args: unknown[]) => {
    if (clientInput) return void complaints++;
    const err = args.find((arg) => arg instanceof Error);
    if (err) log.error({ err }, logText(args.filter((arg) => arg !== err)) || err.message);
    else log.error(logText(args));
  },
};

function logText(args: unknown[]): string {
  return args.map((arg) => (typeof arg === "string" ? arg : arg instanceof Error ? arg.message : JSON.stringify(arg))).join(" ");
}
