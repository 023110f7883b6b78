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
//     stack trace. requireMethod. Test: server-log "gives every hostile client…".
// 2.  Room#_onMessage: the frame gate (joins, floods, requests, unreliable
//     inputs, malformed frames). requireMethod. Tests: hostile-clients "a client
//     that has not completed its join…", arena-room "kicks a client that floods
//     the room…" (its reason), the fuzz test.
// 2b. A client's input decoder (client._inputDecoder): a frame that does not
//     decode kicks its sender quietly. Checked at its first input (an error line
//     once if it is gone). Test: hostile-clients "an input that does not decode…".
// 3.  Room#_onJoin: an unfinished join times out. requireMethod. Test:
//     hostile-clients "is closed after 5 s if it never completes the join…".
// 4.  Room#_reserveSeat (and its reconnection argument), Room#_reservedSeats:
//     seats by kind, counting those on their way in. requireMethod; the seats
//     are checked where they are read. Tests: crowd "seats 60 players…",
//     "spectators have seats of their own…".
// 5.  Room#broadcastPatch: patches on a steady clock. requireMethod. Test: the
//     fuzz test's patch rates for the players who play on.
// 6.  The transport socket's pingCount (missedHeartbeats): checked where read
//     (an error line once if it is gone). Test: hostile-clients "for ignoring
//     heartbeats while it keeps sending gets no seat held…".
// Not reaches: the framework's logger (defineServer's `logger`, 7), the Redis
// status (StatusRedisPresence, a subclass), spectators' seats (the watch route,
// routes.ts), a completed join and the message rate (seen by the gate itself).
import type { IncomingMessage } from "node:http";
import { WebSocketClient, WebSocketTransport } from "@colyseus/ws-transport";
import { CloseCode, Protocol, PROTOCOL_CODE_MASK } from "@colyseus/shared-types";
import { ClientState, Room, ServerError, type Client } from "@colyseus/core";
import { logCutOff, notePeer } from "./cutOffs.ts";
import { log } from "./log.ts";
import { FrameworkChanged, requireFrameworkVersions } from "./frameworkVersions.ts";
import { bytesOut, kicks, messagesIn, refusals } from "./metrics.ts";
import { SteadyTimer } from "./SteadyTimer.ts";

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

/** Clients whose JOIN_ROOM the message gate (2) has passed: they completed their join. */
const joined = new WeakSet<Client>();

/** Whether a client finished joining (sent JOIN_ROOM), as the message gate saw it. */
export function hasCompletedJoin(client: Client): boolean {
  return joined.has(client);
}

/** When each client was last heard from (any room frame, or a WebSocket ping). */
const lastHeard = new WeakMap<Client, number>();
/** WebSocket pings each client sent in the current second. */
const pings = new WeakMap<Client, { second: number; count: number }>();

function heardPing(client: Client): void {
  const now = performance.now();
  lastHeard.set(client, now);
  const second = Math.floor(now / 1000);
  const seen = pings.get(client);
  if (seen?.second === second) seen.count++;
  else pings.set(client, { second, count: 1 });
}

/** When `client` was last heard from (performance.now() time; -Infinity if never). */
export function lastHeardAt(client: Client): number {
  return lastHeard.get(client) ?? -Infinity;
}

/** WebSocket pings `client` sent in its last second of pinging. */
export function pingsInLastSecond(client: Client): number {
  return pings.get(client)?.count ?? 0;
}

/** Heartbeats `client` left unanswered in a row, as the WebSocket transport counts them on its socket. */
export function missedHeartbeats(client: Client): number {
  const count = (client.ref as unknown as { pingCount?: unknown }).pingCount;
  if (typeof count === "number") return count;
  changed("the WebSocket transport's count of unanswered heartbeats (pingCount)");
  return 0;
}

const reported = new Set<string>();

/** A reach that can only be checked where it is used, gone: one error line, so the host hears of it. */
function changed(what: string): void {
  if (reported.has(what)) return;
  reported.add(what);
  log.error({ event: "framework-changed" }, `Colyseus internals changed: ${what} is gone; see server/framework.ts.`);
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
 */
function logSocketErrorsAsCutOffs(): void {
  const prototype = WebSocketTransport.prototype as unknown as Internals;
  const onConnection = requireMethod(prototype, "onConnection", "the WebSocket transport's connection handler");
  prototype.onConnection = function (this: WebSocketTransport, socket: RawSocket, req: IncomingMessage, ...rest: unknown[]) {
    notePeer(socket, req);
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

/** The close code `ws` sends for a protocol error: kept on the error under a private symbol. */
function socketCloseCode(error: Error): number {
  const symbol = Object.getOwnPropertySymbols(error).find((key) => key.description === "status-code");
  const code = symbol === undefined ? undefined : (error as unknown as Record<symbol, unknown>)[symbol];
  return typeof code === "number" ? code : CloseCode.ABNORMAL_CLOSURE;
}

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
 * - an input that does not decode kicks its sender, quietly (see quietInputDecoder);
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
    lastHeard.set(client, performance.now());
    const code = buffer[0]! & PROTOCOL_CODE_MASK;
    const verdict = judgeFrame(client, code);
    if (verdict === "drop") return;
    if (verdict !== "decode") return kick(client, verdict.kick);
    if (code === Protocol.JOIN_ROOM && client.state === ClientState.JOINING) joined.add(client);
    const tooMany = countMessage(client, this.clock.currentTime, this.maxMessagesPerSecond);
    if (code === Protocol.ROOM_INPUT_RELIABLE) quietInputDecoder(client);
    const heard = complaints;
    const { warn, error } = console;
    console.warn = console.error = () => void complaints++;
    clientInput = true;
    try {
      decode.call(this, client, buffer);
    } catch {
      kick(client, "Malformed message.");
    } finally {
      Object.assign(console, { warn, error });
      clientInput = false;
    }
    if (complaints > heard && !offences.has(client)) offences.set(client, "Malformed message.");
    // The framework closes a client past maxMessagesPerSecond without a word.
    if (tooMany && !offences.has(client)) offences.set(client, `Too many messages: more than ${this.maxMessagesPerSecond} a second.`);
  };
}

/**
 * Whether the framework is handling a client's input right now: reading one of
 * its frames, or reporting an error of its socket. What the framework complains
 * of meanwhile is that client's doing, not the server's: its decoders write
 * warnings to the console (a string that is not UTF-8, an input naming a field
 * that does not exist), and it reports errors to its logger (a payload that does
 * not unpack; see frameworkLogger). They are counted in `complaints`, never
 * printed; a client closed after one is told, and logged, that it sent a
 * malformed message.
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

function judgeFrame(client: Client, code: number): Verdict {
  if (client.state === ClientState.JOINING && code !== Protocol.JOIN_ROOM && code !== Protocol.LEAVE_ROOM) {
    // The SDK (0.18.4) re-joining a held seat sends as soon as its new socket opens,
    // before it answers the join: those frames are dropped, unread and unqueued.
    return rejoining.has(client) ? "drop" : { kick: "Finish joining before sending room messages." };
  }
  if (code === Protocol.ROOM_INPUT_UNRELIABLE) return { kick: "Inputs go on the reliable channel." };
  if (code === Protocol.ROOM_REQUEST) return { kick: "This room answers no requests." };
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

/**
 * Wraps the client's input decoder once, so that a frame that does not decode
 * kicks the client. The schema decoder does not throw on an unknown field or
 * reference: it writes a warning with the whole schema to the console and skips
 * on (472 bytes of log for a 3-byte frame; see clientInput). Its complaints
 * during this one synchronous call are taken as the verdict instead; the
 * ServerError then thrown is one the framework's catch does not log, and the
 * input is not captured.
 */
function quietInputDecoder(client: Client): void {
  const internals = client as unknown as { _inputDecoder?: { decode(bytes: Uint8Array): unknown; quiet?: true } };
  const decoder = internals._inputDecoder;
  if (!decoder) return changed("a client's input decoder (_inputDecoder)");
  if (decoder.quiet) return;
  const decode = decoder.decode.bind(decoder);
  decoder.quiet = true;
  decoder.decode = (bytes) => {
    const heard = complaints;
    let threw = false;
    let decoded: unknown;
    try {
      decoded = decode(bytes);
    } catch {
      threw = true;
    }
    if (threw || complaints > heard) {
      kick(client, "Malformed input.");
      throw new ServerError(CloseCode.WITH_ERROR, "malformed input");
    }
    return decoded;
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
    client.ref.on("ping", () => heardPing(client));
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
