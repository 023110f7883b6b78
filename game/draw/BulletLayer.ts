import type Phaser from "phaser";
import type { ArenaLayout } from "../../shared/arena.ts";
import { BULLET_LIFETIME, BULLET_RADIUS } from "../../shared/constants.ts";
import { hasLineOfSight } from "../../shared/geometry.ts";
import type { BulletView } from "../net/ArenaConnection.ts";
import { COLORS } from "../palette.ts";
import { addArc } from "./paths.ts";

/** A short streak behind each bullet, in seconds of flight. */
const TAIL = 1 / 30;

/**
 * Draws bullets where they have flown to. A bullet never changes after it is fired,
 * so its start, velocity and age say where it is; it stops at the first wall on its path.
 */
export class BulletLayer {
  private readonly graphics: Phaser.GameObjects.Graphics;
  /** Each colour's bullets this frame: x, y and the tail's end x, y, four numbers a bullet (kept from frame to frame). */
  private readonly byColor = new Map<number, number[]>();

  constructor(scene: Phaser.Scene) {
    this.graphics = scene.add.graphics().setDepth(6);
  }

  draw(bullets: readonly BulletView[], layout: ArenaLayout, colorOf: (owner: string) => number): void {
    const g = this.graphics;
    g.clear();
    // Grouped by colour, each part of every bullet of a colour is one path: the Canvas
    // renderer pays for each change of style and each fill or stroke, not for each shape.
    const byColor = this.byColor;
    for (const group of byColor.values()) group.length = 0;
    for (const bullet of bullets) {
      if (bullet.age < 0 || bullet.age > BULLET_LIFETIME) continue;
      const x = bullet.x + bullet.vx * bullet.age;
      const y = bullet.y + bullet.vy * bullet.age;
      if (!hasLineOfSight(layout.walls, bullet.x, bullet.y, x, y)) continue;
      const tail = Math.min(TAIL, bullet.age);
      const color = colorOf(bullet.owner);
      let group = byColor.get(color);
      if (!group) {
        group = [];
        byColor.set(color, group);
      }
      group.push(x, y, x - bullet.vx * tail, y - bullet.vy * tail);
    }
    for (const [color, group] of byColor) {
      if (group.length === 0) continue;
      g.fillStyle(color, 0.18);
      circles(g, group, BULLET_RADIUS * 2.6);
      g.fillPath();
      g.lineStyle(BULLET_RADIUS, color, 0.45);
      g.beginPath();
      for (let i = 0; i < group.length; i += 4) {
        g.moveTo(group[i + 2]!, group[i + 3]!);
        g.lineTo(group[i]!, group[i + 1]!);
      }
      g.strokePath();
    }
    g.fillStyle(COLORS.white, 1);
    g.beginPath();
    for (const group of byColor.values()) circles(g, group, BULLET_RADIUS - 1, false);
    g.fillPath();
    for (const [color, group] of byColor) {
      if (group.length === 0) continue;
      g.lineStyle(1.5, color, 1);
      circles(g, group, BULLET_RADIUS);
      g.strokePath();
    }
  }
}

/** A circle of `radius` round each bullet of `group`, added to the path (begun anew unless `begin` is false). */
function circles(g: Phaser.GameObjects.Graphics, group: readonly number[], radius: number, begin = true): void {
  if (begin) g.beginPath();
  for (let i = 0; i < group.length; i += 4) addArc(g, group[i]!, group[i + 1]!, radius);
}
