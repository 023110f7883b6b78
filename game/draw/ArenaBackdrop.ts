import type Phaser from "phaser";
import type { ArenaLayout, Wall } from "../../shared/arena.ts";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../../shared/constants.ts";
import { COLORS } from "../palette.ts";

const GRID_SPACING = 40;

/**
 * The floor, its grid, the arena's edge and a layout's walls: the same in the game,
 * the killcam and the replay page. Drawn once per layout into a texture, so a frame
 * draws one image rather than some fifty lines and a hundred wall strokes (the
 * Canvas renderer redraws a Graphics every frame).
 */
export class ArenaBackdrop {
  private readonly scene: Phaser.Scene;
  /** Made with the first layout shown (the depth keeps it under everything added before). */
  private image: Phaser.GameObjects.Image | null = null;

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
  }

  /** Shows `layout`'s floor and walls, drawing its texture the first time the game meets it. */
  show(layout: ArenaLayout): void {
    if (this.image?.texture.key === textureKey(layout)) return;
    const key = backdropTexture(this.scene, layout);
    if (this.image) this.image.setTexture(key);
    else this.image = this.scene.add.image(0, 0, key).setOrigin(0, 0).setDepth(0);
  }
}

function textureKey(layout: ArenaLayout): string {
  return `arena-backdrop-${layout.name}`;
}

/** The floor with `layout`'s walls. */
function backdropTexture(scene: Phaser.Scene, layout: ArenaLayout): string {
  const key = textureKey(layout);
  if (scene.textures.exists(key)) return key;
  const g = scene.make.graphics({}, false);
  g.fillStyle(COLORS.floor, 1);
  g.fillRect(0, 0, ARENA_WIDTH, ARENA_HEIGHT);
  g.lineStyle(1, COLORS.grid, 1);
  for (let x = GRID_SPACING; x < ARENA_WIDTH; x += GRID_SPACING) g.lineBetween(x, 0, x, ARENA_HEIGHT);
  for (let y = GRID_SPACING; y < ARENA_HEIGHT; y += GRID_SPACING) g.lineBetween(0, y, ARENA_WIDTH, y);
  g.lineStyle(3, COLORS.edge, 1);
  g.strokeRect(1.5, 1.5, ARENA_WIDTH - 3, ARENA_HEIGHT - 3);
  drawWalls(g, layout.walls);
  g.generateTexture(key, ARENA_WIDTH, ARENA_HEIGHT);
  g.destroy();
  return key;
}

/** Walls, each with a soft glow and an edge, added to what `g` draws. */
export function drawWalls(g: Phaser.GameObjects.Graphics, walls: readonly Wall[]): void {
  for (const wall of walls) {
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
