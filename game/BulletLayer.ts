import Phaser from "phaser";
import type { ArenaLayout } from "../shared/arena.ts";
import { BULLET_LIFETIME, BULLET_RADIUS } from "../shared/constants.ts";
import { segmentEntersRect } from "../shared/geometry.ts";
import type { Bullet } from "../shared/schema.ts";
import { bulletPosition } from "../shared/world.ts";
import { shipColor } from "./palette.ts";

/**
 * Bullets never change after they are fired, so the server sends each one once;
 * where it is now follows from its start, its velocity and the tick.
 */
export class BulletLayer {
  private readonly graphics: Phaser.GameObjects.Graphics;

  constructor(scene: Phaser.Scene) {
    this.graphics = scene.add.graphics().setDepth(6);
  }

  /** Draws each bullet at `tickFor(bullet)`, stopping it at the first wall on its path. */
  draw(
    bullets: Iterable<Bullet>,
    layout: ArenaLayout,
    dt: number,
    tickFor: (bullet: Bullet) => number,
    hueOf: (owner: string) => number,
  ): void {
    const g = this.graphics;
    g.clear();
    for (const bullet of bullets) {
      const age = tickFor(bullet) - bullet.spawnTick;
      if (age < 0 || age * dt > BULLET_LIFETIME) continue;
      const at = bulletPosition(bullet, age, dt);
      if (layout.walls.some((wall) => segmentEntersRect(bullet.x, bullet.y, at.x, at.y, wall) !== null)) continue;
      const color = shipColor(hueOf(bullet.owner));
      const tail = bulletPosition(bullet, Math.max(0, age - 0.5), dt);
      g.lineStyle(BULLET_RADIUS, color, 0.45);
      g.lineBetween(tail.x, tail.y, at.x, at.y);
      g.fillStyle(0xffffff, 1);
      g.fillCircle(at.x, at.y, BULLET_RADIUS - 1);
      g.lineStyle(1.5, color, 1);
      g.strokeCircle(at.x, at.y, BULLET_RADIUS);
    }
  }
}
