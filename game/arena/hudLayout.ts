// Where the HUD sits on the screen, and which of its panels a ship is under. A
// panel fades while any ship (or its name tag) is beneath it, so the HUD never
// hides your own ship, a spawn in use or an enemy. Free of Phaser, so Node tests
// can check it.
import { ARENA_HEIGHT, ARENA_WIDTH, SHIP_RADIUS } from "../../shared/constants.ts";
import { distanceSquaredToRect } from "../../shared/geometry.ts";

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type HudRegion = "topLeft" | "topCenter" | "topRight" | "bottomLeft" | "bottomRight";

/** The screen area each HUD panel covers (the arena is ARENA_WIDTH × ARENA_HEIGHT). */
export const HUD_REGIONS: Record<HudRegion, Rect> = {
  /** Mode, layout, round, target, ping; in a team mode the hill and the team switch under them. */
  topLeft: { x: 0, y: 0, w: 440, h: 50 },
  /** Round clock (the teams' scores either side), room code, copy link, leave, notices. */
  topCenter: { x: ARENA_WIDTH / 2 - 150, y: 0, w: 300, h: 84 },
  /** The kill feed. */
  topRight: { x: ARENA_WIDTH - 330, y: 0, w: 330, h: 140 },
  /** Health, dash, score. */
  bottomLeft: { x: 0, y: ARENA_HEIGHT - 72, w: 440, h: 72 },
  /** Controls hint, sound, settings. */
  bottomRight: { x: ARENA_WIDTH - 680, y: ARENA_HEIGHT - 48, w: 680, h: 48 },
};

/** How far around a ship's centre counts as the ship: its hull, its name tag and health bar. */
const SHIP_REACH = SHIP_RADIUS + 30;

const REGIONS = Object.entries(HUD_REGIONS) as Array<[HudRegion, Rect]>;

/** The HUD panels any of these ships is under (asked every frame, so it makes nothing it need not). */
export function regionsUnder(ships: Iterable<{ x: number; y: number }>): Set<HudRegion> {
  const under = new Set<HudRegion>();
  for (const ship of ships) {
    for (const [name, rect] of REGIONS) {
      if (distanceSquaredToRect(ship.x, ship.y, rect) < SHIP_REACH * SHIP_REACH) under.add(name);
    }
  }
  return under;
}
