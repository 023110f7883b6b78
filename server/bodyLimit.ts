import type { IncomingMessage, Server, ServerResponse } from "node:http";

/**
 * The largest request body the server reads. Matchmaking bodies are a few dozen
 * bytes of join options; the framework would otherwise read any size into memory.
 */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024;

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Puts a guard in front of every request handler on `server`: a body declared
 * larger than MAX_REQUEST_BODY_BYTES is refused with 413, and a body of unknown
 * length (chunked) with 411, before anything reads it. Call after the server
 * listens, once the framework has bound its routes.
 */
export function limitRequestBodies(server: Server): void {
  const handlers = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const refusal = bodyRefusal(req);
    if (!refusal) {
      for (const handler of handlers) handler.call(server, req, res);
      return;
    }
    res.writeHead(refusal.status, { "content-type": "application/json", connection: "close" });
    res.end(JSON.stringify({ error: refusal.error }));
    // Read nothing more from a client that would send too much.
    req.socket.destroySoon();
  });
}

function bodyRefusal(req: IncomingMessage): { status: number; error: string } | null {
  if (req.headers["transfer-encoding"] !== undefined) {
    return { status: 411, error: "Send request bodies with a Content-Length." };
  }
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > MAX_REQUEST_BODY_BYTES) {
    return { status: 413, error: `Request body too large: at most ${MAX_REQUEST_BODY_BYTES} bytes.` };
  }
  return null;
}
