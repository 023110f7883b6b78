import Phaser from "phaser";
import { SHIP_RADIUS } from "../shared/constants.ts";
import type { ShipView } from "./connection.ts";
import { shipColor, TEXT_COLOR } from "./palette.ts";

/** Below this speed a ship keeps facing where it last moved instead of jittering. */
const TURN_MIN_SPEED = 12;

/** One ship on screen: hull, nose, an outline for your own, and the pilot's name. */
export class ShipSprite {
  private readonly container: Phaser.GameObjects.Container;
  private readonly hull: Phaser.GameObjects.Graphics;
  private readonly label: Phaser.GameObjects.Text;
  private heading = -Math.PI / 2;

  constructor(scene: Phaser.Scene, view: ShipView) {
    this.hull = scene.add.graphics();
    drawHull(this.hull, shipColor(view.hue), view.own);
    this.label = scene.add
      .text(0, -SHIP_RADIUS - 14, view.name, {
        fontFamily: "system-ui, sans-serif",
        fontSize: "13px",
        color: TEXT_COLOR,
        stroke: "#000000",
        strokeThickness: 3,
      })
      .setOrigin(0.5, 1);
    this.container = scene.add.container(view.x, view.y, [this.hull, this.label]);
    this.container.setDepth(view.own ? 3 : 2);
  }

  update(view: ShipView): void {
    this.container.setPosition(view.x, view.y);
    if (view.vx * view.vx + view.vy * view.vy > TURN_MIN_SPEED * TURN_MIN_SPEED) {
      this.heading = Math.atan2(view.vy, view.vx);
    }
    this.hull.setRotation(this.heading + Math.PI / 2);
    if (this.label.text !== view.name) this.label.setText(view.name);
  }

  destroy(): void {
    this.container.destroy();
  }
}

/** Drawn pointing up (-y); the sprite rotates it to the heading. */
function drawHull(g: Phaser.GameObjects.Graphics, color: number, own: boolean): void {
  const r = SHIP_RADIUS;
  if (own) {
    g.lineStyle(2, 0xffffff, 0.9);
    g.strokeCircle(0, 0, r + 5);
  }
  g.fillStyle(color, 1);
  g.fillCircle(0, 0, r);
  g.fillStyle(0xffffff, 0.9);
  g.fillTriangle(0, -r - 7, -7, -r + 5, 7, -r + 5);
  g.fillStyle(0x000000, 0.25);
  g.fillCircle(0, 0, r * 0.45);
}
