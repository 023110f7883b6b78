import type Phaser from "phaser";
import { ARENA_HEIGHT, ARENA_WIDTH, SHIP_HEALTH, SHIP_RADIUS } from "../../shared/constants.ts";
import { angleBetween } from "../../shared/geometry.ts";
import type { ShipView } from "../net/ArenaConnection.ts";
import { COLORS, css, FONTS, healthColor, shipLook } from "../palette.ts";
import { GLOW_TEXTURE } from "./glow.ts";

const BAR_WIDTH = 36;
const BAR_HEIGHT = 5;
const FLASH_MS = 120;
const BUBBLE_MS = 2500;
/** How many recent positions the thrust trail remembers, and the least movement (px per frame) that leaves one. */
const TRAIL_POINTS = 10;
const TRAIL_MIN_STEP = 1.5;
/** Keeps name tags this far inside the screen's edges. */
const TAG_MARGIN = 4;
/** How quickly a hull turns to a new heading (ms to close most of the way): another ship's arrives in steps of a few degrees. */
const TURN_EASE_MS = 50;

/**
 * One ship on screen: an arrowhead hull that points where the ship aims (striped
 * for the second eight hues), a glow in its colour (its team's family in a team
 * mode), a thrust trail, the name tag (kept inside the screen) and health bar,
 * the shield, the hit flash, a ring and a gold tag on your own, and a broken ring
 * round each teammate, so friend and foe differ by shape and not colour alone.
 */
export class ShipSprite {
  private readonly container: Phaser.GameObjects.Container;
  private readonly glow: Phaser.GameObjects.Image;
  private readonly hull: Phaser.GameObjects.Graphics;
  private readonly overlay: Phaser.GameObjects.Graphics;
  private readonly label: Phaser.GameObjects.Text;
  private readonly trail: Phaser.GameObjects.Graphics;
  private readonly trailPoints: Array<{ x: number; y: number }> = [];
  private color: number;
  private striped: boolean;
  private readonly hue: number;
  private team: number;
  /** On the team of the ship we see from (not that ship itself). */
  private ally = false;
  /** Drawn as the ship we see from (ours, or the one followed while watching). */
  private marked: boolean;
  private flashUntil = 0;
  private readonly bubble: Phaser.GameObjects.Text;
  private bubbleUntil = 0;
  private drawnHealth = -1;
  /** The hull's angle as drawn, and when (null: not drawn since it was last out of play). */
  private turned: { angle: number; at: number } | null = null;
  private drawnShield: boolean | null = null;
  private readonly botLabel: boolean;

  constructor(scene: Phaser.Scene, view: ShipView) {
    const look = shipLook(view.ship);
    this.color = look.color;
    this.striped = look.striped;
    this.hue = view.ship.hue;
    this.team = view.ship.team;
    this.marked = view.own;
    this.trail = scene.add.graphics().setDepth(3);
    this.glow = scene.add
      .image(0, 0, GLOW_TEXTURE)
      .setTint(look.color)
      .setBlendMode("ADD")
      .setAlpha(0.55)
      .setScale((SHIP_RADIUS * 4) / 64);
    this.hull = scene.add.graphics();
    drawHull(this.hull, look.color, look.striped, view.own);
    this.overlay = scene.add.graphics();
    this.botLabel = view.ship.bot;
    this.label = scene.add
      .text(0, -SHIP_RADIUS - 16, view.ship.name, {
        fontFamily: FONTS.ui,
        fontSize: view.own ? "14px" : "13px",
        fontStyle: view.own ? "bold" : "normal",
        color: css(view.own ? COLORS.highlight : view.ship.bot ? COLORS.botName : COLORS.text),
        stroke: css(COLORS.black),
        strokeThickness: 3,
      })
      .setOrigin(0.5, 1);
    this.bubble = scene.add
      .text(0, -SHIP_RADIUS - 40, "", {
        fontFamily: FONTS.ui,
        fontSize: "15px",
        color: css(COLORS.text),
        backgroundColor: css(COLORS.black, 0.7),
        padding: { x: 6, y: 3 },
      })
      .setOrigin(0.5, 1)
      .setVisible(false);
    this.container = scene.add.container(view.x, view.y, [this.glow, this.hull, this.overlay, this.label, this.bubble]);
    this.container.setDepth(view.own ? 5 : 4);
  }

  /** Draws the ship as the one we see from (the ring and the gold tag), or not: while watching, the one followed changes. */
  mark(own: boolean): void {
    if (own === this.marked) return;
    this.marked = own;
    this.hull.clear();
    drawHull(this.hull, this.color, this.striped, own);
    this.label
      .setFontSize(own ? "14px" : "13px")
      .setFontStyle(own ? "bold" : "normal")
      .setColor(css(own ? COLORS.highlight : this.botLabel ? COLORS.botName : COLORS.text));
    this.container.setDepth(own ? 5 : 4);
  }

  /** The ship's team, and whether it is on ours: a new team changes its colours, a teammate wears the broken ring. */
  side(team: number, ally: boolean): void {
    if (team === this.team && ally === this.ally) return;
    this.team = team;
    this.ally = ally;
    const look = shipLook({ hue: this.hue, team });
    this.color = look.color;
    this.striped = look.striped;
    this.glow.setTint(look.color);
    this.hull.clear();
    drawHull(this.hull, this.color, this.striped, this.marked);
    this.drawnHealth = -1;
  }

  /**
   * `aim` is the angle the hull points at: our own ship's live aim, drawn as it is;
   * another's heading, which the hull eases to (`eased`).
   */
  update(view: ShipView, aim: number, shielded: boolean, now: number, eased = true): void {
    const ship = view.ship;
    this.container.setVisible(ship.alive);
    this.trail.setVisible(ship.alive);
    if (!ship.alive) {
      this.trailPoints.length = 0;
      this.turned = null;
      return;
    }
    this.container.setPosition(view.x, view.y);
    this.hull.setRotation(this.turn(aim, now, eased));
    this.drawTrail(view.x, view.y);
    // A ship whose player's connection dropped waits, faded and out of play.
    const label = ship.away ? `${ship.name} (reconnecting)` : ship.name;
    if (this.label.text !== label) this.label.setText(label);
    this.placeLabel(view.x, view.y);
    this.container.setAlpha(ship.away ? 0.35 : 1);
    if (this.bubble.visible && now > this.bubbleUntil) this.bubble.setVisible(false);
    if (ship.health < this.drawnHealth) this.flashUntil = now + FLASH_MS;
    const flashing = now < this.flashUntil;
    if (ship.health !== this.drawnHealth || shielded !== this.drawnShield || flashing) {
      this.drawOverlay(ship.health, shielded, flashing);
    }
  }

  /** Not drawn this frame (out of a camera's view); the next update shows it again. */
  hide(): void {
    this.container.setVisible(false);
    this.trail.setVisible(false);
    this.trailPoints.length = 0;
    this.turned = null;
  }

  /** The angle to draw the hull at now: `aim`, or on the way to it by the shorter way round. */
  private turn(aim: number, now: number, eased: boolean): number {
    const from = this.turned;
    let angle = aim;
    if (eased && from) {
      angle = from.angle + angleBetween(from.angle, aim) * (1 - Math.exp(-Math.max(0, now - from.at) / TURN_EASE_MS));
    }
    this.turned = { angle, at: now };
    return angle;
  }

  /** A quick-chat line or emote, shown above the ship for a moment. */
  say(text: string, now: number): void {
    this.bubble.setText(text).setVisible(true);
    this.bubbleUntil = now + BUBBLE_MS;
  }

  get x(): number {
    return this.container.x;
  }

  get y(): number {
    return this.container.y;
  }

  destroy(): void {
    this.container.destroy();
    this.trail.destroy();
  }

  /** Above the ship, or below it at the top edge, and never past the left or right edge. */
  private placeLabel(x: number, y: number): void {
    const half = this.label.width / 2 + TAG_MARGIN;
    const dx = Math.min(Math.max(x, half), ARENA_WIDTH - half) - x;
    const above = y - SHIP_RADIUS - 16 - this.label.height > TAG_MARGIN;
    this.label.setPosition(dx, above ? -SHIP_RADIUS - 16 : SHIP_RADIUS + 6 + this.label.height);
    this.label.setY(Math.min(this.label.y, ARENA_HEIGHT - TAG_MARGIN - y));
  }

  /** A fading streak through the last positions, while the ship moves. */
  private drawTrail(x: number, y: number): void {
    const last = this.trailPoints[this.trailPoints.length - 1];
    if (!last || Math.hypot(x - last.x, y - last.y) >= TRAIL_MIN_STEP) {
      this.trailPoints.push({ x, y });
      if (this.trailPoints.length > TRAIL_POINTS) this.trailPoints.shift();
    } else if (this.trailPoints.length > 1) {
      this.trailPoints.shift();
    } else {
      return; // at rest, and the trail already gone
    }
    const g = this.trail;
    g.clear();
    for (let i = 1; i < this.trailPoints.length; i++) {
      const a = this.trailPoints[i - 1]!;
      const b = this.trailPoints[i]!;
      const share = i / this.trailPoints.length;
      g.lineStyle(SHIP_RADIUS * share, this.color, 0.35 * share);
      g.lineBetween(a.x, a.y, b.x, b.y);
    }
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
    if (this.ally) drawAllyRing(g);
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

/** Six white arcs round a teammate: a shape no enemy wears, in any palette. */
function drawAllyRing(g: Phaser.GameObjects.Graphics): void {
  const arcs = 6;
  const step = (Math.PI * 2) / arcs;
  g.lineStyle(2.5, COLORS.white, 0.85);
  for (let i = 0; i < arcs; i++) {
    g.beginPath();
    g.arc(0, 0, SHIP_RADIUS + 6, i * step, i * step + step * 0.55);
    g.strokePath();
  }
}

/** An arrowhead pointing along +x (the hull is rotated to the aim), with a cockpit, an optional stripe and your own ring. */
function drawHull(g: Phaser.GameObjects.Graphics, color: number, striped: boolean, own: boolean): void {
  const r = SHIP_RADIUS;
  if (own) {
    g.lineStyle(2.5, COLORS.white, 0.95);
    g.strokeCircle(0, 0, r + 6);
  }
  const nose = { x: r + 5, y: 0 };
  const left = { x: -r, y: -r * 0.9 };
  const notch = { x: -r * 0.45, y: 0 };
  const right = { x: -r, y: r * 0.9 };
  g.fillStyle(color, 1);
  g.fillTriangle(nose.x, nose.y, left.x, left.y, notch.x, notch.y);
  g.fillTriangle(nose.x, nose.y, notch.x, notch.y, right.x, right.y);
  if (striped) {
    g.lineStyle(3, COLORS.black, 0.55);
    g.lineBetween(-r * 0.55, -r * 0.55, -r * 0.55, r * 0.55);
  }
  g.lineStyle(1.5, COLORS.white, own ? 0.9 : 0.45);
  g.beginPath();
  g.moveTo(nose.x, nose.y);
  for (const corner of [left, notch, right]) g.lineTo(corner.x, corner.y);
  g.closePath();
  g.strokePath();
  g.fillStyle(COLORS.black, 0.35);
  g.fillCircle(r * 0.2, 0, r * 0.3);
}
