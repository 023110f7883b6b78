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

export const PICKUP_KINDS = ["heal", "speed", "rapid", "shield"] as const;
export type PickupKind = (typeof PICKUP_KINDS)[number];

export interface PickupSpot extends Point {
  readonly kind: PickupKind;
}

/** A round area on the floor: King of the Hill's hill. */
export interface Circle extends Point {
  readonly radius: number;
}

export interface ArenaLayout {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly walls: readonly Wall[];
  readonly spawns: readonly Point[];
  readonly pickups: readonly PickupSpot[];
  /** The hill of King of the Hill (modes/koth.ts). */
  readonly hill: Circle;
}

const W = ARENA_WIDTH;
const H = ARENA_HEIGHT;

/** Four L-shaped corners of cover around an open centre with one pillar. */
export const CROSSROADS: ArenaLayout = {
  name: "Crossroads",
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
  pickups: [
    { kind: "heal", x: 300, y: 220 },
    { kind: "heal", x: W - 300, y: H - 220 },
    { kind: "speed", x: W - 300, y: 220 },
    { kind: "rapid", x: 300, y: H - 220 },
    { kind: "shield", x: W / 2, y: H / 2 - 90 },
  ],
  // Around the central pillar: cover inside the hill, none on the way in.
  hill: { x: W / 2, y: H / 2, radius: 130 },
};

/** Two long walls split the arena into lanes, with staggered crates in between. */
export const FOUNDRY: ArenaLayout = {
  name: "Foundry",
  width: W,
  height: H,
  walls: [
    { x: 160, y: 230, w: 380, h: 24 },
    { x: W - 540, y: 230, w: 380, h: 24 },
    { x: 160, y: H - 254, w: 380, h: 24 },
    { x: W - 540, y: H - 254, w: 380, h: 24 },
    { x: W / 2 - 30, y: 120, w: 60, h: 60 },
    { x: W / 2 - 30, y: H - 180, w: 60, h: 60 },
    { x: 300, y: H / 2 - 30, w: 60, h: 60 },
    { x: W - 360, y: H / 2 - 30, w: 60, h: 60 },
    { x: 60, y: H / 2 - 60, w: 24, h: 120 },
    { x: W - 84, y: H / 2 - 60, w: 24, h: 120 },
  ],
  spawns: [
    { x: 70, y: 70 },
    { x: W - 70, y: H - 70 },
    { x: W - 70, y: 70 },
    { x: 70, y: H - 70 },
    { x: W / 2, y: H / 2 },
    { x: W / 2, y: 40 },
    { x: W / 2, y: H - 40 },
    { x: 180, y: H / 2 },
  ],
  pickups: [
    { kind: "heal", x: W / 2 - 160, y: H / 2 },
    { kind: "heal", x: W / 2 + 160, y: H / 2 },
    { kind: "speed", x: 100, y: 160 },
    { kind: "rapid", x: W - 100, y: H - 160 },
    { kind: "shield", x: W / 2, y: 300 },
  ],
  // The open middle between the lanes, crossed by every route.
  hill: { x: W / 2, y: H / 2, radius: 110 },
};

export const LAYOUTS: readonly ArenaLayout[] = [CROSSROADS, FOUNDRY];

export function layoutByName(name: string): ArenaLayout {
  return LAYOUTS.find((layout) => layout.name === name) ?? CROSSROADS;
}

/** The spawn point (of `spawns`) whose nearest other ship is farthest away (the first one when alone). */
export function farthestSpawn(layout: ArenaLayout, others: readonly Point[], spawns: readonly Point[] = layout.spawns): Point {
  let best = spawns[0]!;
  let bestDistance = -1;
  for (const spawn of spawns) {
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
