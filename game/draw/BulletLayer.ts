import type Phaser from "phaser";
import type { ArenaLayout } from "../../shared/arena.ts";
import { BULLET_LIFETIME, BULLET_RADIUS } from "../../shared/constants.ts";
import { segmentEntersRect } from "../../shared/geometry.ts";
import type { BulletView } from "../net/ArenaConnection.ts";
import { COLORS } from "../palette.ts";

/** A short streak behind each bullet, in seconds of flight. */
const TAIL = 1 / 30;

/**
 * Draws bullets where they have flown to. A bullet never changes after it is fired,
 * so its start, velocity and age say where it is; it stops at the first wall on its path.
 */
export class BulletLayer {
  private readonly graphics: Phaser.GameObjects.Graphics;

  constructor(scene: Phaser.Scene) {
    this.graphics = scene.add.graphics().setDepth(6);
  }

  draw(bullets: readonly BulletView[], layout: ArenaLayout, colorOf: (owner: string) => number): void {
    const g = this.graphics;
    g.clear();
    for (const bullet of bullets) {
      if (bullet.age < 0 || bullet.age > BULLET_LIFETIME) continue;
      const x = bullet.x + bullet.vx * bullet.age;
      const y = bullet.y + bullet.vy * bullet.age;
      if (layout.walls.some((wall) => segmentEntersRect(bullet.x, bullet.y, x, y, wall) !== null)) continue;
      const tail = Math.min(TAIL, bullet.age);
      const color = colorOf(bullet.owner);
      g.fillStyle(color, 0.18);
      g.fillCircle(x, y, BULLET_RADIUS * 2.6);
      g.lineStyle(BULLET_RADIUS, color, 0.45);
      g.lineBetween(x - bullet.vx * tail, y - bullet.vy * tail, x, y);
      g.fillStyle(COLORS.white, 1);
      g.fillCircle(x, y, BULLET_RADIUS - 1);
      g.lineStyle(1.5, color, 1);
      g.strokeCircle(x, y, BULLET_RADIUS);
    }
  }
}
