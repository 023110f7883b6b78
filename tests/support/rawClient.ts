// A client that speaks the Colyseus wire protocol by hand, for tests that send
// what the SDK never would: it takes a seat through matchmaking, opens the room's
// WebSocket, and sends whatever frames it is given.
import { Protocol } from "@colyseus/shared-types";
import WebSocket from "ws";

export interface Seat {
  roomId: string;
  processId: string;
  sessionId: string;
  reconnectionToken?: string;
}

export interface Closed {
  code: number;
  reason: string;
  /** The reason's length in UTF-8 bytes, as it crossed the wire. */
  reasonBytes: number;
}

export interface RawClient {
  seat: Seat;
  socket: WebSocket;
  /** Resolves when the server closes the socket (or it breaks). */
  closed: Promise<Closed>;
  send(frame: Uint8Array): void;
  /** Sends JOIN_ROOM, which completes the join as the SDK does after the server's handshake. */
  completeJoin(): void;
}

/** Asks the matchmaker for a seat: POST /matchmake/<method>/<room name or id>. */
export async function requestSeat(endpoint: string, method: string, target: string, options: object = {}, headers: Record<string, string> = {}): Promise<Seat> {
  const response = await fetch(`${endpoint.replace(/\/$/, "")}/matchmake/${method}/${target}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
    body: JSON.stringify(options),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`${response.status}: ${body.error}`);
  return body as Seat;
}

/**
 * Opens the seat's WebSocket and waits for the server's join handshake.
 * `autoPong: false` leaves the server's heartbeat pings unanswered.
 */
export async function openSeat(endpoint: string, seat: Seat, options: { autoPong?: boolean } = {}): Promise<RawClient> {
  const base = endpoint.replace(/^http/, "ws").replace(/\/$/, "");
  const rejoin = seat.reconnectionToken ? `&reconnectionToken=${seat.reconnectionToken}` : "";
  const socket = new WebSocket(`${base}/${seat.processId}/${seat.roomId}?sessionId=${seat.sessionId}${rejoin}`, { autoPong: options.autoPong ?? true });
  socket.on("error", () => {});
  const closed = new Promise<Closed>((resolve) =>
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString(), reasonBytes: reason.length })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once("message", () => resolve());
    socket.once("close", (code) => reject(new Error(`closed with ${code} before the handshake`)));
  });
  return {
    seat,
    socket,
    closed,
    send: (frame) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(frame);
    },
    completeJoin: () => socket.send(Uint8Array.from([Protocol.JOIN_ROOM])),
  };
}

/**
 * A string as the SDK writes it (@colyseus/schema's encode.string): a msgpack
 * length header (fixstr, str8 or str16, its length little-endian, unlike
 * msgpack's), then UTF-8 (lone surrogates made U+FFFD, as TextEncoder does).
 */
export function wireString(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  const n = bytes.length;
  if (n < 32) return [0xa0 | n, ...bytes];
  if (n < 256) return [0xd9, n, ...bytes];
  return [0xda, n & 0xff, n >> 8, ...bytes];
}

/** A room message of `type` with a nil body, on ROOM_DATA or ROOM_DATA_BYTES. */
export function roomMessage(type: string, code: number = Protocol.ROOM_DATA): Uint8Array {
  return Uint8Array.from([code, ...wireString(type), 0xc0]);
}

/** Resolves after `ms`, or with what `promise` gives first. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | "timed out"> {
  return Promise.race([promise, new Promise<"timed out">((resolve) => setTimeout(() => resolve("timed out"), ms))]);
}
