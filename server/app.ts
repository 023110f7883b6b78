import { existsSync } from "node:fs";
import { join } from "node:path";
import express from "express";
import { defineRoom, defineServer, LobbyRoom, matchMaker } from "colyseus";
import { normalizeRoomCode } from "../shared/roomCodes.ts";
import { ArenaRoom } from "./ArenaRoom.ts";
import type { ServerConfig } from "./config.ts";

export interface GameServerOptions {
  /** Built client to serve at `/`; omitted when Vite serves the page (dev mode). */
  clientDir?: string;
  /** Install SIGINT/SIGTERM handlers that shut rooms down cleanly (off in tests). */
  standalone?: boolean;
}

/**
 * Builds the game server: the arena rooms, the lobby's live room list, the HTTP
 * API and the client pages. Nothing is bound until the caller listens, so tests
 * can pick their own port.
 */
export function createGameServer(config: Omit<ServerConfig, "port" | "host">, options: GameServerOptions = {}) {
  const startedAt = Date.now();
  return defineServer({
    rooms: {
      // Quick play joins the fullest public room with space.
      arena: defineRoom(ArenaRoom, {
        tickRate: config.tickRate,
        patchRate: config.patchRate,
        maxPlayers: config.maxPlayers,
        bots: config.bots,
        roundSeconds: config.roundSeconds,
        koTarget: config.koTarget,
        lagCompensation: config.lagCompensation,
        reconnectSeconds: config.reconnectSeconds,
      })
        .enableRealtimeListing()
        .sortBy({ clients: -1 }),
      lobby: defineRoom(LobbyRoom),
    },
    greet: false,
    gracefullyShutdown: options.standalone ?? false,
    express: (app) => {
      app.get("/health", (_req, res) => {
        res.json({ status: "ok", uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
      });
      app.get("/api/rooms/:code/scoreboard", async (req, res) => {
        const scoreboard = await findScoreboard(req.params.code);
        if (scoreboard) res.json(scoreboard);
        else res.status(404).json({ error: `No room with code ${req.params.code}` });
      });
      const clientDir = options.clientDir;
      if (clientDir && existsSync(join(clientDir, "index.html"))) {
        app.get("/scoreboard", (_req, res) => res.sendFile(join(clientDir, "scoreboard.html")));
        app.use(express.static(clientDir, { index: "index.html" }));
      }
    },
  });
}

/**
 * The scoreboard of the arena room with this code, from whichever process hosts it.
 * A public room is found however the code is typed; a private one only by its exact code.
 */
async function findScoreboard(typed: string): Promise<unknown> {
  const code = normalizeRoomCode(typed);
  if (!code) return null;
  const [room] = await matchMaker.query({ name: "arena", roomId: code });
  if (!room || (room.private && typed !== code)) return null;
  return matchMaker.remoteRoomCall<ArenaRoom>(room.roomId, "scoreboard");
}
