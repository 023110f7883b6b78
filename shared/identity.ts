// What tells ships apart on screen: a name and a hue of their own in each room.
import { NAME_MAX_LENGTH, SHIP_HUES } from "./constants.ts";

/** The first hue no ship in the room wears; a room holds at most SHIP_HUES ships, so each has its own. */
export function freeHue(ships: Iterable<{ hue: number }>): number {
  const taken = new Set<number>();
  for (const ship of ships) taken.add(ship.hue);
  for (let hue = 0; hue < SHIP_HUES; hue++) if (!taken.has(hue)) return hue;
  return taken.size % SHIP_HUES;
}

/**
 * `name` if no ship in the room has it, else "name (2)", "name (3)", ... (two tabs
 * of one browser remember the same name). The base is cut so the whole stays
 * within NAME_MAX_LENGTH characters.
 */
export function uniqueName(name: string, ships: Iterable<{ name: string }>): string {
  const taken = new Set<string>();
  for (const ship of ships) taken.add(ship.name.toLowerCase());
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${Array.from(name)
      .slice(0, NAME_MAX_LENGTH - suffix.length)
      .join("")
      .trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
