// The opening handshake of each room WebSocket, as this server received and
// answered it, kept briefly so the room can show it to that client once (the
// network panel's lesson: one HTTP request upgraded to a lasting WebSocket). Only
// the request line and the handshake's own headers are kept: nothing secret, such
// as cookies or tokens, is echoed.
import { createHash } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { TLSSocket } from "node:tls";
import type { Handshake } from "../shared/messages.ts";

/** RFC 6455's fixed GUID: the server proves it read the key by hashing it with this. */
const WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
const HEADERS = ["host", "upgrade", "connection", "sec-websocket-key", "sec-websocket-version"] as const;
const KEEP_MS = 30_000;

const bySession = new Map<string, { handshake: Handshake; at: number }>();

/** Records every upgrade request on `server`, before the WebSocket transport answers it. */
export function recordHandshakes(server: Server): void {
  server.prependListener("upgrade", (req: IncomingMessage) => {
    const url = new URL(req.url ?? "/", "ws://server");
    const sessionId = url.searchParams.get("sessionId");
    if (!sessionId) return;
    const now = Date.now();
    for (const [id, entry] of bySession) if (now - entry.at > KEEP_MS) bySession.delete(id);
    const key = String(req.headers["sec-websocket-key"] ?? "");
    const headers = HEADERS.flatMap((name) => (req.headers[name] === undefined ? [] : [`${name}: ${req.headers[name]}`]));
    bySession.set(sessionId, {
      at: now,
      handshake: {
        secure: Boolean((req.socket as TLSSocket).encrypted),
        request: [`${req.method} ${redact(url)} HTTP/${req.httpVersion}`, ...headers],
        response: ["HTTP/1.1 101 Switching Protocols", "upgrade: websocket", "connection: Upgrade", `sec-websocket-accept: ${accept(key)}`],
      },
    });
  });
}

/** The handshake of this session's connection, once. */
export function takeHandshake(sessionId: string): Handshake | undefined {
  const entry = bySession.get(sessionId);
  bySession.delete(sessionId);
  return entry?.handshake;
}

/** What the server answers to a key: base64(SHA-1(key + GUID)). */
export function accept(key: string): string {
  return createHash("sha1")
    .update(key + WEBSOCKET_GUID)
    .digest("base64");
}

/** The path with the reconnection token (a secret) hidden. */
function redact(url: URL): string {
  if (url.searchParams.has("reconnectionToken")) url.searchParams.set("reconnectionToken", "…");
  return `${url.pathname}${url.search}`;
}
