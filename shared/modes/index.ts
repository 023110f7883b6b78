// Every mode, by the name the settings use. A new mode is a new file beside
// these (see mode.ts) and one line here.
import { FREE_FOR_ALL } from "./ffa.ts";
import { KING_OF_THE_HILL } from "./koth.ts";
import type { Mode } from "./mode.ts";
import { TEAM_DEATHMATCH } from "./tdm.ts";

export const MODES = {
  ffa: FREE_FOR_ALL,
  tdm: TEAM_DEATHMATCH,
  koth: KING_OF_THE_HILL,
} as const satisfies Record<string, Mode>;

export type ModeName = keyof typeof MODES;

export const MODE_NAMES = Object.keys(MODES) as [ModeName, ...ModeName[]];

/** The mode a world plays (free-for-all for one whose mode is unknown). */
export function modeOf(world: { mode: string }): Mode {
  return MODES[world.mode as ModeName] ?? FREE_FOR_ALL;
}
