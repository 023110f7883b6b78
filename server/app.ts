import { existsSync, readFileSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import express from "express";
// Colyseus' packages, not the "colyseus" bundle: importing the bundle loads @colyseus/tools,
// whose dotenv loader prints lines of its own at start-up and lets /etc/environment
// override the host's variables (main.ts reads .env itself).
import { defineRoom, defineServer, LobbyRoom, matchMaker } from "@colyseus/core";
import { monitor } from "@colyseus/monitor";
import { playground } from "@colyseus/playground";
import { RedisDriver } from "@colyseus/redis-driver";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { ArenaRoom } from "./ArenaRoom.ts";
import { basicAuth } from "./basicAuth.ts";
import { frameworkLogger, installFrameworkGuards } from "./framework.ts";
import { recordHandshakes } from "./handshakes.ts";
import { gateRequests } from "./httpGate.ts";
import { metrics, registry, resetMetrics } from "./metrics.ts";
import { StatusRedisPresence } from "./StatusRedisPresence.ts";
import { gameRoutes } from "./routes.ts";
import type { ServerConfig } from "./config.ts";
import { roomSettings } from "../shared/settings.ts";

/**
 * The largest WebSocket frame a client may send; a larger one closes its socket
 * (1009). Inputs are a few bytes; this leaves room for a chat message someone
 * pasted a page into, so the server can cut it and say so instead of cutting
 * the player off (the framework's default is 4 KiB).
 */
export const MAX_FRAME_BYTES = 16 * 1024;

export interface GameServerOptions {
  /** Built client to serve at `/`; omitted when Vite serves the page (dev mode). */
  clientDir?: string;
  /** Install SIGINT/SIGTERM handlers that shut rooms down cleanly (off in tests). */
  standalone?: boolean;
  /** `npm run dev`: the admin pages are open without a password. */
  development?: boolean;
}

/**
 * Builds the game server: the arena rooms, the lobby's live room list, the HTTP
 * API and the client pages. Nothing is bound until the caller listens, so tests
 * can pick their own port.
 */
export function createGameServer(config: Omit<ServerConfig, "port" | "host">, options: GameServerOptions = {}) {
  installFrameworkGuards();
  const presence = config.redisUrl ? new StatusRedisPresence(config.redisUrl) : undefined;
  const tls = config.tls;
  return defineServer({
    // One port for everything: with TLS, HTTPS pages and WSS rooms; else HTTP and WS.
    transport: new WebSocketTransport({
      server: tls ? createHttpsServer({ cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) }) : undefined,
      maxPayload: MAX_FRAME_BYTES,
    }),
    presence,
    driver: config.redisUrl ? new RedisDriver(config.redisUrl) : undefined,
    publicAddress: config.publicAddress,
    rooms: {
      // Quick play joins the fullest public room with space.
      arena: defineRoom(ArenaRoom, {
        tickRate: config.tickRate,
        patchRate: config.patchRate,
        maxPlayers: config.maxPlayers,
        bots: config.bots,
        roundSeconds: config.roundSeconds,
        koTarget: config.koTarget,
        holdTarget: config.holdTarget,
        mode: config.mode,
        arena: config.arena,
        wordFilter: config.wordFilter,
        idleSeconds: config.idleSeconds,
        lagCompensation: config.lagCompensation,
        reconnectSeconds: config.reconnectSeconds,
        replayMemoryBytes: config.replayMemoryMB * 1024 * 1024,
        replayDir: config.replayDir,
      })
        .enableRealtimeListing()
        .sortBy({ clients: -1 }),
      lobby: defineRoom(LobbyRoom),
    },
    routes: gameRoutes(presence, { maxBytes: config.replayMemoryMB * 1024 * 1024, dir: config.replayDir }, roomSettings(config)),
    greet: false,
    logger: frameworkLogger,
    gracefullyShutdown: options.standalone ?? false,
    express: (app) => {
      // Admin pages and metrics: open in development; in production only with a password.
      if (options.development || config.adminPassword) {
        const guard = options.development ? [] : [basicAuth(config.adminPassword!)];
        // Prometheus scrapes this (basic auth in its scrape config).
        app.get("/metrics", ...guard, async (_req, res) => {
          res.type(registry.contentType).send(await registry.metrics());
        });
        app.get("/admin/metrics", ...guard, (req, res) => {
          res.json({ ...metrics(), rooms: matchMaker.stats.local.roomCount, clients: matchMaker.stats.local.ccu });
          if (req.query.reset !== undefined) resetMetrics();
        });
        app.use("/admin/monitor", ...guard, monitor());
        app.use("/admin/playground", ...guard, playground());
      }
      const clientDir = options.clientDir;
      if (clientDir && existsSync(join(clientDir, "index.html"))) {
        app.get("/scoreboard", (_req, res) => res.sendFile(join(clientDir, "scoreboard.html")));
        app.get("/how", (_req, res) => res.sendFile(join(clientDir, "how.html")));
        app.get("/replay", (_req, res) => res.sendFile(join(clientDir, "replay.html")));
        app.use(express.static(clientDir, { index: "index.html" }));
      }
    },
  });
}

export type GameServer = ReturnType<typeof createGameServer>;

/**
 * Binds the server, then puts the HTTP gate (body limits, client address,
 * per-address limits) in front of the routes the framework bound. Resolves with
 * the address it listens on.
 */
export async function listenGameServer(
  server: GameServer,
  config: Pick<ServerConfig, "trustProxy" | "redisUrl">,
  port: number,
  host: string,
): Promise<AddressInfo> {
  await server.listen(port, host);
  const http = server.transport.server!;
  gateRequests(http, { trustProxy: config.trustProxy, redisUrl: config.redisUrl });
  recordHandshakes(http);
  return http.address() as AddressInfo;
}
