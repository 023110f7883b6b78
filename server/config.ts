import { DEFAULT_BOTS, KO_TARGET, MAX_PLAYERS, PATCH_RATE, RECONNECT_SECONDS, ROUND_DURATION, TICK_RATE } from "../shared/constants.ts";

export interface ServerConfig {
  port: number;
  host: string;
  tickRate: number;
  patchRate: number;
  maxPlayers: number;
  bots: number;
  roundSeconds: number;
  koTarget: number;
  lagCompensation: boolean;
  reconnectSeconds: number;
}

export class ConfigError extends Error {}

/** Reads the server settings from environment variables, with clear errors for bad values. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: integer(env, "PORT", 2567, 0, 65535),
    host: env.HOST?.trim() || "0.0.0.0",
    tickRate: integer(env, "TICK_RATE", TICK_RATE, 20, 120),
    patchRate: integer(env, "PATCH_RATE", PATCH_RATE, 5, 60),
    maxPlayers: integer(env, "MAX_PLAYERS", MAX_PLAYERS, 1, MAX_PLAYERS),
    bots: integer(env, "BOTS", DEFAULT_BOTS, 0, MAX_PLAYERS),
    roundSeconds: integer(env, "ROUND_SECONDS", ROUND_DURATION, 10, 3600),
    koTarget: integer(env, "KO_TARGET", KO_TARGET, 1, 1000),
    lagCompensation: onOff(env, "LAG_COMPENSATION", true),
    reconnectSeconds: integer(env, "RECONNECT_SECONDS", RECONNECT_SECONDS, 0, 3600),
  };
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

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (["on", "true", "1", "yes"].includes(raw)) return true;
  if (["off", "false", "0", "no"].includes(raw)) return false;
  throw new ConfigError(`${name} must be on or off (got "${env[name]}")`);
}
