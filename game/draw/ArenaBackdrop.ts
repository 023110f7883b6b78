import type Phaser from "phaser";
import type { ArenaLayout } from "../../shared/arena.ts";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../../shared/constants.ts";
import { COLORS } from "../palette.ts";

const GRID_SPACING = 40;

const FLOOR_TEXTURE = "arena-floor";

/**
 * The floor, its grid and the arena's edge: the same in the game, the killcam and
 * the replay page. Drawn once into a texture, so a frame draws one image rather
 * than some fifty lines (the Canvas renderer redraws a Graphics every frame).
 */
export function drawFloor(scene: Phaser.Scene): Phaser.GameObjects.Image {
  if (!scene.textures.exists(FLOOR_TEXTURE)) {
    const g = scene.make.graphics({}, false);
    g.fillStyle(COLORS.floor, 1);
    g.fillRect(0, 0, ARENA_WIDTH, ARENA_HEIGHT);
    g.lineStyle(1, COLORS.grid, 1);
    for (let x = GRID_SPACING; x < ARENA_WIDTH; x += GRID_SPACING) g.lineBetween(x, 0, x, ARENA_HEIGHT);
    for (let y = GRID_SPACING; y < ARENA_HEIGHT; y += GRID_SPACING) g.lineBetween(0, y, ARENA_WIDTH, y);
    g.lineStyle(3, COLORS.edge, 1);
    g.strokeRect(1.5, 1.5, ARENA_WIDTH - 3, ARENA_HEIGHT - 3);
    g.generateTexture(FLOOR_TEXTURE, ARENA_WIDTH, ARENA_HEIGHT);
    g.destroy();
  }
  return scene.add.image(0, 0, FLOOR_TEXTURE).setOrigin(0, 0).setDepth(0);
}

/** A layout's walls, each with a soft glow and an edge. */
export function drawWalls(g: Phaser.GameObjects.Graphics, layout: ArenaLayout): void {
  g.clear();
  for (const wall of layout.walls) {
    for (const [spread, alpha] of [
      [10, 0.05],
      [5, 0.1],
    ] as const) {
      g.lineStyle(spread, COLORS.wallGlow, alpha);
      g.strokeRect(wall.x - spread / 2, wall.y - spread / 2, wall.w + spread, wall.h + spread);
    }
    g.fillStyle(COLORS.wall, 1);
    g.fillRect(wall.x, wall.y, wall.w, wall.h);
    g.lineStyle(2, COLORS.edge, 1);
    g.strokeRect(wall.x + 1, wall.y + 1, wall.w - 2, wall.h - 2);
  }
}
