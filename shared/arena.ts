import { ARENA_HEIGHT, ARENA_WIDTH } from "./constants.ts";

/** An axis-aligned solid block; x and y are its top-left corner. */
export interface Wall {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface ArenaLayout {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly walls: readonly Wall[];
  readonly spawns: readonly Point[];
}

const W = ARENA_WIDTH;
const H = ARENA_HEIGHT;

/** Four L-shaped corners of cover around an open centre with one pillar. */
export const CROSSROADS: ArenaLayout = {
  name: "crossroads",
  width: W,
  height: H,
  walls: [
    { x: W / 2 - 40, y: H / 2 - 40, w: 80, h: 80 },
    { x: 220, y: 150, w: 160, h: 24 },
    { x: 220, y: 150, w: 24, h: 120 },
    { x: W - 380, y: 150, w: 160, h: 24 },
    { x: W - 244, y: 150, w: 24, h: 120 },
    { x: 220, y: H - 174, w: 160, h: 24 },
    { x: 220, y: H - 270, w: 24, h: 120 },
    { x: W - 380, y: H - 174, w: 160, h: 24 },
    { x: W - 244, y: H - 270, w: 24, h: 120 },
    { x: W / 2 - 12, y: 0, w: 24, h: 110 },
    { x: W / 2 - 12, y: H - 110, w: 24, h: 110 },
  ],
  spawns: [
    { x: 80, y: 80 },
    { x: W - 80, y: 80 },
    { x: 80, y: H - 80 },
    { x: W - 80, y: H - 80 },
    { x: W / 2, y: 200 },
    { x: W / 2, y: H - 200 },
    { x: 120, y: H / 2 },
    { x: W - 120, y: H / 2 },
  ],
};

export const LAYOUTS: readonly ArenaLayout[] = [CROSSROADS];

export function layoutByName(name: string): ArenaLayout {
  return LAYOUTS.find((layout) => layout.name === name) ?? CROSSROADS;
}

/** The spawn point whose nearest other ship is farthest away (the first one when alone). */
export function farthestSpawn(layout: ArenaLayout, others: readonly Point[]): Point {
  let best = layout.spawns[0]!;
  let bestDistance = -1;
  for (const spawn of layout.spawns) {
    let nearest = Infinity;
    for (const other of others) {
      nearest = Math.min(nearest, (spawn.x - other.x) ** 2 + (spawn.y - other.y) ** 2);
    }
    if (nearest > bestDistance) {
      bestDistance = nearest;
      best = spawn;
    }
  }
  return best;
}
