// The game's HTTP API, declared the way Colyseus 0.18 does (createRouter and
// createEndpoint), so the client's SDK types `client.http` from it.
import { createEndpoint, createRouter, matchMaker, type RedisPresence } from "colyseus";
import type { Scoreboard } from "../shared/messages.ts";
import { normalizeRoomCode } from "../shared/roomCodes.ts";
import type { ArenaRoom } from "./ArenaRoom.ts";
import { redisStatus } from "./framework.ts";

export function gameRoutes(presence: RedisPresence | undefined) {
  const startedAt = Date.now();
  return createRouter({
    /** Liveness for a host or a load balancer: 503 while the shared Redis is not ready. */
    health: createEndpoint("/health", { method: "GET" }, async (ctx) => {
      const redis = presence ? redisStatus(presence) : "not used";
      const healthy = redis === "not used" || redis === "ready";
      if (!healthy) ctx.setStatus(503);
      return {
        status: healthy ? "ok" : "degraded",
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        rooms: matchMaker.stats.local.roomCount,
        clients: matchMaker.stats.local.ccu,
        redis,
      };
    }),
    /** A room's scores, round and recent knock-outs, from whichever process hosts it. */
    scoreboard: createEndpoint("/api/rooms/:code/scoreboard", { method: "GET" }, async (ctx): Promise<Scoreboard | { error: string }> => {
      const scoreboard = await findScoreboard(ctx.params.code);
      if (scoreboard) return scoreboard;
      ctx.setStatus(404);
      return { error: `No room with code ${ctx.params.code}` };
    }),
  });
}

/**
 * The scoreboard of the arena room with this code, from whichever process hosts it.
 * A public room is found however the code is typed; a private one only by its exact code.
 */
async function findScoreboard(typed: string): Promise<Scoreboard | null> {
  const code = normalizeRoomCode(typed);
  if (!code) return null;
  const [room] = await matchMaker.query({ name: "arena", roomId: code });
  if (!room || (room.private && typed !== code)) return null;
  return matchMaker.remoteRoomCall<ArenaRoom>(room.roomId, "scoreboard");
}
