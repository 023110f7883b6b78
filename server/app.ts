import { existsSync } from "node:fs";
import { join } from "node:path";
import express from "express";
import { defineRoom, defineServer } from "colyseus";
import { ArenaRoom } from "./ArenaRoom.ts";
import type { ServerConfig } from "./config.ts";

export interface GameServerOptions {
  /** Built client to serve at `/`; omitted when Vite serves the page (dev mode). */
  clientDir?: string;
  /** Install SIGINT/SIGTERM handlers that shut rooms down cleanly (off in tests). */
  standalone?: boolean;
}

/**
 * Builds the game server: the arena room, `GET /health` and the client page.
 * Nothing is bound until the caller listens, so tests can pick their own port.
 */
export function createGameServer(config: Omit<ServerConfig, "port" | "host">, options: GameServerOptions = {}) {
  const startedAt = Date.now();
  return defineServer({
    rooms: {
      arena: defineRoom(ArenaRoom, {
        tickRate: config.tickRate,
        patchRate: config.patchRate,
        maxPlayers: config.maxPlayers,
        bots: config.bots,
        roundSeconds: config.roundSeconds,
        koTarget: config.koTarget,
        lagCompensation: config.lagCompensation,
      }),
    },
    greet: false,
    gracefullyShutdown: options.standalone ?? false,
    express: (app) => {
      app.get("/health", (_req, res) => {
        res.json({ status: "ok", uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
      });
      const clientDir = options.clientDir;
      if (clientDir && existsSync(join(clientDir, "index.html"))) {
        app.use(express.static(clientDir, { index: "index.html" }));
      }
    },
  });
}
