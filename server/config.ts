import { existsSync } from "node:fs";
import { LOG_FORMATS } from "./log.ts";
import { IDLE_SECONDS, IDLE_SECONDS_MIN, PATCH_RATE, RECONNECT_SECONDS, TICK_RATE } from "../shared/constants.ts";
import { ARENAS, MODE_NAMES, type ModeName, NUMBER_SETTINGS, type NumberSetting } from "../shared/settings.ts";

export interface ServerConfig {
  port: number;
  host: string;
  /** Fixed steps a second, and patches a second. */
  tickRate: number;
  patchRate: number;
  /** Player seats per room (spectators have seats of their own). */
  maxPlayers: number;
  /** Bots fill a room up to this many ships while players are fewer. */
  bots: number;
  /** Length of a round, seconds, and the KOs that win it before its time is up. */
  roundSeconds: number;
  koTarget: number;
  /** King of the Hill: the points (seconds the hill is held alone) that win a round before its time is up. */
  holdTarget: number;
  /** How rounds are played (Quick Play's rooms, and a private room unless its creator chooses): ffa, tdm or koth. */
  mode: ModeName;
  /** Where rounds are played: a layout's name, or "rotate". */
  arena: string;
  /** Listed words in names and chat are masked (CHAT_FILTER; a private room's host may turn it off or on). */
  wordFilter: boolean;
  /** Judge hits where the shooter saw the target (on), or where it is now (off, for comparison). */
  lagCompensation: boolean;
  /** How long a player may change nothing before being moved to watching, seconds (0: never). */
  idleSeconds: number;
  /** How long a dropped player's seat is held, seconds. */
  reconnectSeconds: number;
  /** PEM certificate and key files: serve HTTPS and WSS instead of HTTP and WS. */
  tls?: { certFile: string; keyFile: string };
  /** Share matchmaking with other processes through this Redis. */
  redisUrl?: string;
  /** How clients reach this process (host:port, or host/path behind a proxy), when it is one of several. */
  publicAddress?: string;
  /** Password for the admin pages (monitor, playground, metrics) outside development. */
  adminPassword?: string;
  /** Reverse proxies whose X-Forwarded-For names the client (for per-address limits). */
  trustProxy: string[];
  /** Megabytes of replay files kept in memory (or in the shared Redis); the oldest go first. */
  replayMemoryMB: number;
  /** Every replay is also written to this directory, when set. */
  replayDir?: string;
}

export class ConfigError extends Error {}

/** Reads the server settings from environment variables, with clear errors for bad values. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  // How log lines are written: log.ts reads it as the process starts, so a typo is refused here with the rest.
  choice(env, "LOG_FORMAT", LOG_FORMATS, "text");
  return {
    port: integer(env, "PORT", 2567, 0, 65535),
    host: env.HOST?.trim() || "0.0.0.0",
    tickRate: integer(env, "TICK_RATE", TICK_RATE, 20, 120),
    patchRate: integer(env, "PATCH_RATE", PATCH_RATE, 5, 60),
    // A room's defaults: the host of a private room may choose others within the same ranges (shared/settings.ts).
    maxPlayers: setting(env, "MAX_PLAYERS", "maxPlayers"),
    bots: setting(env, "BOTS", "bots"),
    roundSeconds: setting(env, "ROUND_SECONDS", "roundSeconds"),
    koTarget: setting(env, "KO_TARGET", "koTarget"),
    holdTarget: setting(env, "HOLD_TARGET", "holdTarget"),
    // Not MODE: Vite and Vitest set that to "development" or "test", and child processes inherit it.
    mode: choice(env, "GAME_MODE", MODE_NAMES, "ffa"),
    arena: arena(env),
    wordFilter: onOff(env, "CHAT_FILTER", true),
    lagCompensation: onOff(env, "LAG_COMPENSATION", true),
    reconnectSeconds: integer(env, "RECONNECT_SECONDS", RECONNECT_SECONDS, 0, 3600),
    idleSeconds: idleSeconds(env),
    tls: tlsFiles(env),
    redisUrl: text(env, "REDIS_URL"),
    publicAddress: text(env, "PUBLIC_ADDRESS"),
    adminPassword: text(env, "ADMIN_PASSWORD"),
    trustProxy: list(env, "TRUST_PROXY"),
    replayMemoryMB: integer(env, "REPLAY_MEMORY_MB", 64, 0, 65536),
    replayDir: text(env, "REPLAY_DIR"),
  };
}

function text(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

function list(env: NodeJS.ProcessEnv, name: string): string[] {
  return (text(env, name) ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

function tlsFiles(env: NodeJS.ProcessEnv): ServerConfig["tls"] {
  const certFile = text(env, "TLS_CERT");
  const keyFile = text(env, "TLS_KEY");
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile) throw new ConfigError("TLS_CERT and TLS_KEY go together: set both (PEM files) or neither");
  for (const [name, file] of [
    ["TLS_CERT", certFile],
    ["TLS_KEY", keyFile],
  ] as const) {
    if (!existsSync(file)) throw new ConfigError(`${name} names ${file}, which does not exist`);
  }
  return { certFile, keyFile };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

/** IDLE_SECONDS: 0 (never), or long enough to hold the warning before the move. */
function idleSeconds(env: NodeJS.ProcessEnv): number {
  const seconds = integer(env, "IDLE_SECONDS", IDLE_SECONDS, 0, 3600);
  if (seconds !== 0 && seconds < IDLE_SECONDS_MIN) {
    throw new ConfigError(`IDLE_SECONDS must be 0 (never) or a whole number from ${IDLE_SECONDS_MIN} to 3600 (got "${env.IDLE_SECONDS?.trim()}")`);
  }
  return seconds;
}

function setting(env: NodeJS.ProcessEnv, name: string, which: NumberSetting): number {
  const { initial, min, max } = NUMBER_SETTINGS[which];
  return integer(env, name, initial, min, max);
}

/** ARENA: a layout's name (in any case), or rotate. */
function arena(env: NodeJS.ProcessEnv): string {
  const raw = env.ARENA?.trim();
  if (!raw) return "rotate";
  const found = ARENAS.find((name) => name.toLowerCase() === raw.toLowerCase());
  if (found) return found;
  throw new ConfigError(`ARENA must be ${ARENAS.join(" or ")} (got "${raw}")`);
}

function choice<Choice extends string>(env: NodeJS.ProcessEnv, name: string, choices: readonly Choice[], fallback: Choice): Choice {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (choices.includes(raw as Choice)) return raw as Choice;
  throw new ConfigError(`${name} must be ${choices.join(" or ")} (got "${env[name]}")`);
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (["on", "true", "1", "yes"].includes(raw)) return true;
  if (["off", "false", "0", "no"].includes(raw)) return false;
  throw new ConfigError(`${name} must be on or off (got "${env[name]}")`);
}
