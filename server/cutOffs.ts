// Clients the server cuts off for what they sent or did, as the log tells them: one
// warning line each (why, the close code, the room, the address), at most
// CUT_OFF_LINES_PER_WINDOW of them every CUT_OFF_WINDOW_MS, then one line saying how
// many more there were. Bad input is the client's doing, not the server's: no stack.
import type { IncomingMessage } from "node:http";
import { log, printable, ThrottledLog } from "./log.ts";

export const CUT_OFF_LINES_PER_WINDOW = 10;
export const CUT_OFF_WINDOW_MS = 10_000;

/** Where a connection comes from, as its upgrade request said. */
interface Peer {
  /** The room its address names (rooms are reached at /<process>/<room>). */
  room: string;
  /** The client's address, as the HTTP gate settled it (httpGate.ts). */
  address: string;
}

/** Each WebSocket's peer, by the socket. */
const peers = new WeakMap<object, Peer>();

const throttle = new ThrottledLog({
  perWindow: CUT_OFF_LINES_PER_WINDOW,
  windowMs: CUT_OFF_WINDOW_MS,
  summary: (count, seconds) =>
    log.warn({ event: "clients-cut-off-unlisted", count }, `${count} more clients were cut off in the last ${seconds} s (not logged one by one).`),
});

/** Notes where the WebSocket `socket` comes from, from its upgrade request. */
export function notePeer(socket: object, req: IncomingMessage): void {
  const room = /\/([\w-]+)\/?$/.exec(new URL(req.url ?? "/", "ws://server").pathname)?.[1] ?? "";
  // The gate has put its answer in x-real-ip (httpGate.ts); without the gate (never in this server), the peer.
  const address = String(req.headers["x-real-ip"] ?? req.socket.remoteAddress ?? "");
  peers.set(socket, { room, address });
}

/** Logs (within the budget) that the client on `socket` was cut off with `code`, and why. */
export function logCutOff(socket: object, code: number, reason: string): void {
  const { room, address } = peers.get(socket) ?? { room: "", address: "" };
  const why = printable(reason).trim() || "no reason given";
  throttle.write(() =>
    log.warn(
      { event: "client-cut-off", room, address, code, reason: why },
      `Cut off a client of room ${room || "?"} at ${address || "?"}: ${why} (close ${code})`,
    ),
  );
}
