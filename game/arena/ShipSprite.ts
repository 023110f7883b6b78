import type Phaser from "phaser";
import { SHIP_HEALTH, SHIP_RADIUS } from "../../shared/constants.ts";
import type { ShipView } from "../net/ArenaConnection.ts";
import { COLORS, css, FONTS, healthColor, shipColor } from "../palette.ts";

const BAR_WIDTH = 36;
const BAR_HEIGHT = 5;
const FLASH_MS = 120;

/** One ship on screen: hull and gun, an outline for your own, name, health bar, shield and hit flash. */
export class ShipSprite {
  private readonly container: Phaser.GameObjects.Container;
  private readonly hull: Phaser.GameObjects.Graphics;
  private readonly gun: Phaser.GameObjects.Graphics;
  private readonly overlay: Phaser.GameObjects.Graphics;
  private readonly label: Phaser.GameObjects.Text;
  private flashUntil = 0;
  private drawnHealth = -1;
  private drawnShield: boolean | null = null;

  constructor(scene: Phaser.Scene, view: ShipView) {
    const color = shipColor(view.ship.hue);
    this.hull = scene.add.graphics();
    drawHull(this.hull, color, view.own);
    this.gun = scene.add.graphics();
    this.gun.fillStyle(COLORS.white, 0.95);
    this.gun.fillRect(SHIP_RADIUS - 6, -3, 14, 6);
    this.overlay = scene.add.graphics();
    this.label = scene.add
      .text(0, -SHIP_RADIUS - 16, view.ship.name, {
        fontFamily: FONTS.ui,
        fontSize: "13px",
        color: css(view.ship.bot ? COLORS.botName : COLORS.text),
        stroke: css(COLORS.black),
        strokeThickness: 3,
      })
      .setOrigin(0.5, 1);
    this.container = scene.add.container(view.x, view.y, [this.hull, this.gun, this.overlay, this.label]);
    this.container.setDepth(view.own ? 5 : 4);
  }

  /** `aim` is the angle to draw the gun at (our own ship uses the live mouse, not the server's copy). */
  update(view: ShipView, aim: number, shielded: boolean, now: number): void {
    const ship = view.ship;
    this.container.setVisible(ship.alive);
    if (!ship.alive) return;
    this.container.setPosition(view.x, view.y);
    this.gun.setRotation(aim);
    // A ship whose player's connection dropped waits, faded and out of play.
    const label = ship.away ? `${ship.name} (reconnecting)` : ship.name;
    if (this.label.text !== label) this.label.setText(label);
    this.container.setAlpha(ship.away ? 0.35 : 1);
    if (ship.health < this.drawnHealth) this.flashUntil = now + FLASH_MS;
    const flashing = now < this.flashUntil;
    if (ship.health !== this.drawnHealth || shielded !== this.drawnShield || flashing) {
      this.drawOverlay(ship.health, shielded, flashing);
    }
  }

  get x(): number {
    return this.container.x;
  }

  get y(): number {
    return this.container.y;
  }

  destroy(): void {
    this.container.destroy();
  }

  private drawOverlay(health: number, shielded: boolean, flashing: boolean): void {
    const g = this.overlay;
    g.clear();
    if (flashing) {
      g.fillStyle(COLORS.white, 0.75);
      g.fillCircle(0, 0, SHIP_RADIUS);
    }
    if (shielded) {
      g.lineStyle(3, COLORS.shield, 0.8);
      g.strokeCircle(0, 0, SHIP_RADIUS + 9);
    }
    const top = -SHIP_RADIUS - 12;
    g.fillStyle(COLORS.black, 0.6);
    g.fillRect(-BAR_WIDTH / 2 - 1, top - 1, BAR_WIDTH + 2, BAR_HEIGHT + 2);
    const share = health / SHIP_HEALTH;
    g.fillStyle(healthColor(share), 1);
    g.fillRect(-BAR_WIDTH / 2, top, BAR_WIDTH * share, BAR_HEIGHT);
    this.drawnHealth = health;
    this.drawnShield = shielded;
  }
}

function drawHull(g: Phaser.GameObjects.Graphics, color: number, own: boolean): void {
  const r = SHIP_RADIUS;
  if (own) {
    g.lineStyle(2, COLORS.white, 0.9);
    g.strokeCircle(0, 0, r + 4);
  }
  g.fillStyle(color, 1);
  g.fillCircle(0, 0, r);
  g.fillStyle(COLORS.black, 0.3);
  g.fillCircle(0, 0, r * 0.45);
}
