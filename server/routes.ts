// The game's HTTP API, declared the way Colyseus 0.18 does (createRouter and
// createEndpoint), so the client's SDK types `client.http` from it.
import { createEndpoint, createRouter, matchMaker, type IRoomCache } from "@colyseus/core";
import type { ISeatReservation } from "@colyseus/shared-types";
import type { Scoreboard } from "../shared/messages.ts";
import { normalizeRoomCode } from "../shared/roomCodes.ts";
import type { RoomSettings } from "../shared/settings.ts";
import type { ArenaRoom } from "./ArenaRoom.ts";
import type { JoinOptions } from "./joinOptions.ts";
import type { StatusRedisPresence } from "./StatusRedisPresence.ts";
import { ReplayStore, type ReplaySummary } from "./ReplayStore.ts";

/** The newest public replays listed when no room is asked for. */
const RECENT_REPLAYS = 20;

export function gameRoutes(presence: StatusRedisPresence | undefined, replayOptions: { maxBytes: number; dir?: string }, defaults: RoomSettings) {
  // The presence is the framework's (its memory, or Redis) once the server listens.
  const replays = () => new ReplayStore(matchMaker.presence, replayOptions);
  const startedAt = Date.now();
  return createRouter({
    /** Liveness for a host or a load balancer: 503 while the shared Redis is not ready. */
    health: createEndpoint("/health", { method: "GET" }, async (ctx) => {
      const redis = presence ? presence.status : "not used";
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
    /** The settings a room gets unless its host chooses others (the create form starts from them; their ranges are shared/settings.ts's). */
    settings: createEndpoint("/api/settings", { method: "GET" }, async (): Promise<RoomSettings> => defaults),
    /**
     * A room's scores, round and recent knock-outs, from whichever process hosts it.
     * `?wait=V` long-polls: the answer is held until the scoreboard's version moves
     * past V, or LONG_POLL_SECONDS pass.
     */
    scoreboard: createEndpoint("/api/rooms/:code/scoreboard", { method: "GET" }, async (ctx): Promise<Scoreboard | { error: string }> => {
      const room = await findRoom(ctx.params.code);
      const wait = Number(ctx.query?.wait);
      if (room && Number.isInteger(wait)) await versionAfter(room, wait);
      const scoreboard = room ? await matchMaker.remoteRoomCall<ArenaRoom>(room, "scoreboard").catch(() => null) : null;
      if (scoreboard) return scoreboard;
      ctx.setStatus(404);
      return { error: `No room with code ${ctx.params.code}` };
    }),
    /**
     * A spectator's seat in a room, by its code. A room whose player seats are all
     * taken is locked, so quick play and joins pass it by; it keeps seats for
     * spectators, reserved here (the room's seat policy still counts them). The
     * answer is a seat reservation, which the SDK takes (consumeSeatReservation).
     */
    watch: createEndpoint("/api/rooms/:code/watch", { method: "POST" }, async (ctx): Promise<ISeatReservation | { error: string }> => {
      const listing = await findListing(ctx.params.code);
      if (!listing) {
        ctx.setStatus(404);
        return { error: `No room with code ${ctx.params.code}` };
      }
      try {
        return await matchMaker.reserveSeatFor(listing, { spectate: true } satisfies JoinOptions);
      } catch {
        ctx.setStatus(409);
        return { error: `Room ${listing.roomId} has no seat left for a spectator.` };
      }
    }),
    /**
     * Recorded rounds: `?room=CODE` lists a room's (a private room's only by its
     * exact code); without it, the newest public ones.
     */
    replays: createEndpoint("/api/replays", { method: "GET" }, async (ctx): Promise<{ replays: ReplaySummary[] }> => {
      const typed = typeof ctx.query?.room === "string" ? ctx.query.room : "";
      if (!typed) return { replays: await replays().recentPublic(RECENT_REPLAYS) };
      const code = normalizeRoomCode(typed);
      const listed = code ? await replays().forRoom(code) : [];
      return { replays: listed.filter((summary) => !summary.private || typed === code) };
    }),
    /** One replay file. A private room's needs `?room=CODE`; without it, it is as unknown as an id never given out (404). */
    replay: createEndpoint("/api/replays/:id", { method: "GET" }, async (ctx): Promise<Response | { error: string }> => {
      const store = replays();
      const summary = await store.summary(ctx.params.id);
      const file = summary && (!summary.private || ctx.query?.room === summary.room) ? await store.file(summary.id) : null;
      if (!summary || !file) {
        ctx.setStatus(404);
        return { error: `No replay with id ${ctx.params.id}` };
      }
      return new Response(new Uint8Array(file), {
        headers: {
          "content-type": "application/octet-stream",
          "content-disposition": `attachment; filename="skirmish-${summary.room}-round-${summary.round}.replay"`,
          "cache-control": "private, max-age=3600",
        },
      });
    }),
  });
}

/** How long a long poll is held at most before it answers with what there is. */
export const LONG_POLL_SECONDS = 25;
const LONG_POLL_CHECK_MS = 100;

/**
 * The id of the arena room with this code, on whichever process hosts it. A public
 * room is found however the code is typed; a private one only by its exact code.
 */
async function findRoom(typed: string): Promise<string | null> {
  return (await findListing(typed))?.roomId ?? null;
}

/** The arena room with the code `typed`, as the matchmaker lists it; a private room's only by its exact code. */
async function findListing(typed: string): Promise<IRoomCache | null> {
  const code = normalizeRoomCode(typed);
  if (!code) return null;
  const [room] = await matchMaker.query({ name: "arena", roomId: code });
  return room && !(room.private && typed !== code) ? room : null;
}

/** Resolves once the room's scoreboard version is not `version`, or the long poll's time is up (or the room is gone). */
async function versionAfter(roomId: string, version: number): Promise<void> {
  const deadline = Date.now() + LONG_POLL_SECONDS * 1000;
  while (Date.now() < deadline) {
    const now = await matchMaker.remoteRoomCall<ArenaRoom>(roomId, "scoreVersion").catch(() => null);
    if (now === null || now !== version) return;
    await new Promise((resolve) => setTimeout(resolve, LONG_POLL_CHECK_MS));
  }
}
