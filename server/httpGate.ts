// The gate in front of every HTTP request, before the framework or Express reads
// it: bodies are limited, the client's address is settled once (the socket's peer,
// or a trusted proxy's forwarded address), and per-address limits are counted.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { refusals } from "./metrics.ts";
import { ROOM_CREATES_PER_MINUTE, SCOREBOARD_LOOKUPS_PER_MINUTE } from "../shared/constants.ts";

/**
 * The largest request body the server reads. Matchmaking bodies are a few dozen
 * bytes of join options; the framework would otherwise read any size into memory.
 */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024;

export interface HttpGateOptions {
  /** Addresses of reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY). */
  trustProxy: readonly string[];
  /** With several processes, the limits are counted in this Redis, so they hold across the cluster. */
  redisUrl?: string;
}

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

interface Refusal {
  status: number;
  error: string;
  /** The label the metrics count it under. */
  reason: string;
}

/** A per-address limit on one kind of request. */
interface AddressLimit {
  applies(req: IncomingMessage): boolean;
  limiter: RateLimiterAbstract;
  refusal: Refusal;
}

/**
 * Puts the gate in front of every request handler on `server`. Call after the
 * server listens, once the framework has bound its routes: the gate takes their
 * place and hands on what it lets through.
 */
export function gateRequests(server: Server, options: HttpGateOptions): void {
  const handlers = server.listeners("request") as RequestListener[];
  const trusted = new Set(options.trustProxy.map(plainAddress));
  const redis = options.redisUrl ? new Redis(options.redisUrl, { enableOfflineQueue: true, lazyConnect: false }) : undefined;
  server.once("close", () => redis?.disconnect());
  const limits = addressLimits(redis);
  server.removeAllListeners("request");
  // A room's WebSocket is an upgrade request: its address is settled the same way, before the transport reads it.
  server.prependListener("upgrade", (req: IncomingMessage) => void settleAddress(req, trusted));
  server.on("request", async (req: IncomingMessage, res: ServerResponse) => {
    const address = settleAddress(req, trusted);
    // The server's own count of the request's size (request line and headers), so a page can
    // add up what polling costs both ways (Resource Timing only sees the answer).
    res.setHeader("x-request-bytes", String(requestBytes(req)));
    const refusal = bodyRefusal(req) ?? (await limitRefusal(req, address, limits));
    if (!refusal) {
      for (const handler of handlers) handler.call(server, req, res);
      return;
    }
    refusals.inc({ reason: refusal.reason });
    res.writeHead(refusal.status, { "content-type": "application/json", connection: "close" });
    res.end(JSON.stringify({ error: refusal.error }));
    // Read nothing more from a client that would send too much.
    req.socket.destroySoon();
  });
}

function addressLimits(redis: Redis | undefined): AddressLimit[] {
  const limiter = (keyPrefix: string, points: number) =>
    redis
      ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `skirmish:${keyPrefix}`, points, duration: 60 })
      : new RateLimiterMemory({ keyPrefix, points, duration: 60 });
  return [
    {
      // Only create opens a room at will: joinOrCreate opens a public room only when the
      // others are full, and refuses "private" (ArenaRoom.onAuth).
      applies: (req) => req.method === "POST" && /^\/matchmake\/create\//.test(req.url ?? ""),
      limiter: limiter("room-creations", ROOM_CREATES_PER_MINUTE),
      refusal: { status: 429, error: `Too many new rooms from your address: at most ${ROOM_CREATES_PER_MINUTE} a minute.`, reason: "room_creation_limit" },
    },
    {
      applies: (req) => req.method === "GET" && /^\/api\/rooms\//.test(req.url ?? ""),
      limiter: limiter("scoreboard-lookups", SCOREBOARD_LOOKUPS_PER_MINUTE),
      refusal: {
        status: 429,
        error: `Too many scoreboard lookups from your address: at most ${SCOREBOARD_LOOKUPS_PER_MINUTE} a minute.`,
        reason: "scoreboard_lookup_limit",
      },
    },
  ];
}

async function limitRefusal(req: IncomingMessage, address: string, limits: AddressLimit[]): Promise<Refusal | null> {
  const limit = limits.find((candidate) => candidate.applies(req));
  if (!limit) return null;
  try {
    await limit.limiter.consume(address);
    return null;
  } catch (rejection) {
    // rate-limiter-flexible rejects with its result when the limit is reached, and with an Error when the store fails.
    if (rejection instanceof Error) return { status: 503, error: "The server cannot count requests right now; try again shortly.", reason: "limit_store_down" };
    return limit.refusal;
  }
}

/** The framework reads the client's address from these headers: only the gate's answer reaches it. */
function settleAddress(req: IncomingMessage, trusted: ReadonlySet<string>): string {
  const address = clientAddress(req, trusted);
  delete req.headers["x-forwarded-for"];
  delete req.headers["x-client-ip"];
  req.headers["x-real-ip"] = address;
  return address;
}

/**
 * Who is asking: the socket's peer, unless that peer is a trusted proxy, in which
 * case the nearest forwarded address that is not itself a trusted proxy. A header
 * from anyone else is ignored, so nobody can dodge a limit by writing one.
 */
export function clientAddress(req: IncomingMessage, trusted: ReadonlySet<string>): string {
  const peer = plainAddress(req.socket.remoteAddress ?? "");
  if (!trusted.has(peer)) return peer;
  const forwarded = String(req.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((hop) => plainAddress(hop.trim()))
    .filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    if (!trusted.has(forwarded[i]!)) return forwarded[i]!;
  }
  return peer;
}

/** An IPv4 address written as IPv6 (::ffff:1.2.3.4) is the IPv4 address. */
function plainAddress(address: string): string {
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}

/** The request as it came over the wire: request line, headers and body, in bytes. */
function requestBytes(req: IncomingMessage): number {
  let bytes = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`.length + 2;
  for (let i = 0; i < req.rawHeaders.length; i += 2) bytes += req.rawHeaders[i]!.length + 2 + req.rawHeaders[i + 1]!.length + 2;
  return bytes + Number(req.headers["content-length"] ?? 0);
}

function bodyRefusal(req: IncomingMessage): Refusal | null {
  if (req.headers["transfer-encoding"] !== undefined) {
    return { status: 411, error: "Send request bodies with a Content-Length.", reason: "body_without_length" };
  }
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > MAX_REQUEST_BODY_BYTES) {
    return { status: 413, error: `Request body too large: at most ${MAX_REQUEST_BODY_BYTES} bytes.`, reason: "body_too_large" };
  }
  return null;
}
