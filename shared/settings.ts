// A room's settings: what the host of a private room may choose, and what the
// server's environment sets for every other room. Each setting's range and
// default is defined here once; the server's environment (config.ts), the create
// request's check, the host's changes and the create form all read it.
import { LAYOUTS } from "./arena.ts";
import { DEFAULT_BOTS, HOLD_TARGET, KO_TARGET, MAX_PLAYERS, ROUND_DURATION } from "./constants.ts";
import { MODE_NAMES, type ModeName } from "./modes/index.ts";

export { MODE_NAMES, type ModeName };

/** Where the rounds are played: one arena layout every round, or each in turn ("rotate"). */
export const ARENAS = ["rotate", ...LAYOUTS.map((layout) => layout.name)] as [string, ...string[]];

/** The settings that are numbers: each one's range, and its default. */
export const NUMBER_SETTINGS = {
  /** Length of a round, seconds. */
  roundSeconds: { min: 10, max: 3600, initial: ROUND_DURATION },
  /** KOs that win a round before its time is up. */
  koTarget: { min: 1, max: 1000, initial: KO_TARGET },
  /** King of the Hill: points (seconds held alone) that win a round before its time is up. */
  holdTarget: { min: 5, max: 3600, initial: HOLD_TARGET },
  /** Bots fill the room up to this many ships while players are fewer (and leave as players come). */
  bots: { min: 0, max: MAX_PLAYERS, initial: DEFAULT_BOTS },
  /** Player seats (spectators have seats of their own). */
  maxPlayers: { min: 2, max: MAX_PLAYERS, initial: MAX_PLAYERS },
} as const;

export type NumberSetting = keyof typeof NUMBER_SETTINGS;

/** A room's settings, as they are in force. */
export type RoomSettings = { [Name in NumberSetting]: number } & {
  /** How rounds are played and won (modes/index.ts). */
  mode: ModeName;
  /** A layout's name, or "rotate". */
  arena: string;
  /** Listed words in names and chat are masked (****) for everyone. */
  wordFilter: boolean;
};

export const DEFAULT_SETTINGS: RoomSettings = {
  ...(Object.fromEntries(Object.entries(NUMBER_SETTINGS).map(([name, { initial }]) => [name, initial])) as { [Name in NumberSetting]: number }),
  mode: "ffa",
  arena: "rotate",
  wordFilter: true,
};

/** The settings `chosen` (any of them) over `defaults` (the server's): every setting, nothing else. */
export function roomSettings(defaults: RoomSettings, chosen: Partial<RoomSettings> = {}): RoomSettings {
  const pick = <Name extends keyof RoomSettings>(name: Name): RoomSettings[Name] => chosen[name] ?? defaults[name];
  return {
    roundSeconds: pick("roundSeconds"),
    koTarget: pick("koTarget"),
    holdTarget: pick("holdTarget"),
    bots: pick("bots"),
    maxPlayers: pick("maxPlayers"),
    mode: pick("mode"),
    arena: pick("arena"),
    wordFilter: pick("wordFilter"),
  };
}
