import { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createGameServer, listenGameServer } from "../../server/app.ts";
import { configFromEnv, type ServerConfig } from "../../server/config.ts";

/** The server's defaults (its environment unset), but bots are off unless a test asks for them, so each test controls every ship. */
export const DEFAULT_TEST_CONFIG = { ...configFromEnv({}), bots: 0 };

/** A game server on 127.0.0.1 at a free port, wrapped in @colyseus/testing's helpers. */
export async function bootTestServer(config: Partial<Omit<ServerConfig, "port" | "host">> = {}) {
  const settings = { ...DEFAULT_TEST_CONFIG, ...config };
  const server = createGameServer(settings);
  const { port } = await listenGameServer(server, settings, 0, "127.0.0.1");
  // ColyseusTestServer builds its client URL from the port given to listen(), which was 0.
  (server as unknown as { port: number }).port = port;
  return { colyseus: new ColyseusTestServer(server), endpoint: `http://127.0.0.1:${port}` };
}

/**
 * Boots a test server for the file (or describe block) that calls it, empties its
 * rooms after each test and shuts it down at the end. Read `.colyseus` inside tests.
 */
export function useTestServer(config: Partial<Omit<ServerConfig, "port" | "host">> = {}) {
  const server = {} as Awaited<ReturnType<typeof bootTestServer>>;
  beforeAll(async () => {
    Object.assign(server, await bootTestServer(config));
  });
  afterEach(async () => {
    await server.colyseus.cleanup();
  });
  afterAll(async () => {
    await server.colyseus.shutdown();
  });
  return server;
}

/** Polls `condition` until it holds; rooms can be idle, so waiting on patches could hang. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Waits until a room has stepped `ticks` more times, read from its state (the
 * server's, or a client's copy): play that lasts so many ticks, however busy
 * the machine is.
 */
export async function ticksPass(state: { readonly tick: number }, ticks: number, timeoutMs = 60_000): Promise<void> {
  const until = state.tick + ticks;
  await waitFor(() => state.tick >= until, `${ticks} ticks`, timeoutMs);
}
