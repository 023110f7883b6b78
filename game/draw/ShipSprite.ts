import type Phaser from "phaser";
import { ARENA_HEIGHT, ARENA_WIDTH, SHIP_RADIUS } from "../../shared/constants.ts";
import { angleBetween } from "../../shared/geometry.ts";
import type { ShipView } from "../net/ArenaConnection.ts";
import { COLORS, css, FONTS, shipLook } from "../palette.ts";
import type { ShipMarks } from "./ShipMarks.ts";
import { SHIP_BODY_SCALE, shipBodyTexture } from "./shipBody.ts";

const FLASH_MS = 120;
const BUBBLE_MS = 2500;
/**
 * How long the thrust trail reaches back (ms), and the least movement (px per frame)
 * that leaves a point on it. By time, not by frames: a slow device's trail is as long
 * as a fast one's, where ten frames' worth streaked a third of the arena at 15 fps.
 */
const TRAIL_MS = 170;
const TRAIL_MIN_STEP = 1.5;
/** How strongly the trail shows: its narrowing tail fades it out. */
const TRAIL_ALPHA = 0.22;
/** Keeps name tags this far inside the screen's edges. */
const TAG_MARGIN = 4;
/** How quickly a hull turns to a new heading (ms to close most of the way): another ship's arrives in steps of a few degrees. */
const TURN_EASE_MS = 50;

/** What the ships of one scene draw into together, each frame anew. */
export interface ShipLayers {
  /** Under the ships: their thrust trails. */
  trails: Phaser.GameObjects.Graphics;
  /** Over the ships: health bars, shields, hit flashes and teammates' rings. */
  marks: ShipMarks;
}

/**
 * One ship on screen: an arrowhead hull that points where the ship aims (striped
 * for the second eight hues), a glow in its colour (its team's family in a team
 * mode), a thrust trail, the name tag (kept inside the screen) and health bar,
 * the shield, the hit flash, a ring and a gold tag on your own, and a broken ring
 * round each teammate, so friend and foe differ by shape and not colour alone.
 * Each ship is one image and its name tag: its trail and marks go into the scene's
 * shared layers, as the Canvas renderer's cost is mostly per object drawn.
 */
export class ShipSprite {
  private readonly scene: Phaser.Scene;
  private readonly layers: ShipLayers;
  private readonly body: Phaser.GameObjects.Image;
  private readonly label: Phaser.GameObjects.Text;
  private readonly trailPoints: Array<{ x: number; y: number; at: number }> = [];
  private color: number;
  private striped: boolean;
  private readonly hue: number;
  private team: number;
  /** On the team of the ship we see from (not that ship itself). */
  private ally = false;
  /** Drawn as the ship we see from (ours, or the one followed while watching). */
  private marked: boolean;
  private flashUntil = 0;
  /** The quick-chat bubble, made when the ship first speaks: most never do, and a text is dear to make. */
  private bubble: Phaser.GameObjects.Text | null = null;
  private bubbleUntil = 0;
  /** The health last drawn: a drop flashes the hull. */
  private lastHealth = -1;
  /** The hull's angle as drawn, and when (null: not drawn since it was last out of play). */
  private turned: { angle: number; at: number } | null = null;
  private readonly botLabel: boolean;

  constructor(scene: Phaser.Scene, view: ShipView, layers: ShipLayers) {
    this.scene = scene;
    this.layers = layers;
    const look = shipLook(view.ship);
    this.color = look.color;
    this.striped = look.striped;
    this.hue = view.ship.hue;
    this.team = view.ship.team;
    this.marked = view.own;
    this.body = scene.add.image(view.x, view.y, shipBodyTexture(scene, look.color, look.striped, view.own)).setScale(SHIP_BODY_SCALE);
    this.botLabel = view.ship.bot;
    this.label = scene.add
      .text(view.x, view.y - SHIP_RADIUS - 16, view.ship.name, {
        fontFamily: FONTS.ui,
        fontSize: view.own ? "14px" : "13px",
        fontStyle: view.own ? "bold" : "normal",
        color: css(view.own ? COLORS.highlight : view.ship.bot ? COLORS.botName : COLORS.text),
        stroke: css(COLORS.black),
        strokeThickness: 3,
      })
      .setOrigin(0.5, 1);
    this.setDepth(view.own ? 5 : 4);
  }

  /** Draws the ship as the one we see from (the ring and the gold tag), or not: while watching, the one followed changes. */
  mark(own: boolean): void {
    if (own === this.marked) return;
    this.marked = own;
    this.body.setTexture(shipBodyTexture(this.scene, this.color, this.striped, own));
    this.label
      .setFontSize(own ? "14px" : "13px")
      .setFontStyle(own ? "bold" : "normal")
      .setColor(css(own ? COLORS.highlight : this.botLabel ? COLORS.botName : COLORS.text));
    this.setDepth(own ? 5 : 4);
  }

  /** The ship's team, and whether it is on ours: a new team changes its colours, a teammate wears the broken ring. */
  side(team: number, ally: boolean): void {
    if (team === this.team && ally === this.ally) return;
    this.team = team;
    this.ally = ally;
    const look = shipLook({ hue: this.hue, team });
    this.color = look.color;
    this.striped = look.striped;
    this.body.setTexture(shipBodyTexture(this.scene, this.color, this.striped, this.marked));
  }

  /**
   * `aim` is the angle the hull points at: our own ship's live aim, drawn as it is;
   * another's heading, which the hull eases to (`eased`).
   */
  update(view: ShipView, aim: number, shielded: boolean, now: number, eased = true): void {
    const ship = view.ship;
    this.show(ship.alive, now);
    if (!ship.alive) {
      this.trailPoints.length = 0;
      this.turned = null;
      return;
    }
    const { x, y } = view;
    this.body.setPosition(x, y).setRotation(this.turn(aim, now, eased));
    this.drawTrail(x, y, now);
    // A ship whose player's connection dropped waits, faded and out of play.
    const label = ship.away ? `${ship.name} (reconnecting)` : ship.name;
    if (this.label.text !== label) this.label.setText(label);
    this.placeLabel(x, y);
    this.bubble?.setPosition(x, y - SHIP_RADIUS - 40);
    const alpha = ship.away ? 0.35 : 1;
    this.body.setAlpha(alpha);
    this.label.setAlpha(alpha);
    this.bubble?.setAlpha(alpha);
    if (ship.health < this.lastHealth) this.flashUntil = now + FLASH_MS;
    this.lastHealth = ship.health;
    this.layers.marks.add({ x, y, health: ship.health, shielded, flashing: now < this.flashUntil, ally: this.ally, alpha });
  }

  /** Not drawn this frame (out of a camera's view); the next update shows it again. */
  hide(): void {
    this.show(false, 0);
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
    this.bubble ??= this.scene.add
      .text(this.x, this.y - SHIP_RADIUS - 40, "", {
        fontFamily: FONTS.ui,
        fontSize: "15px",
        color: css(COLORS.text),
        backgroundColor: css(COLORS.black, 0.7),
        padding: { x: 6, y: 3 },
      })
      .setOrigin(0.5, 1)
      .setDepth(this.body.depth);
    this.bubble.setText(text).setVisible(this.body.visible);
    this.bubbleUntil = now + BUBBLE_MS;
  }

  get x(): number {
    return this.body.x;
  }

  get y(): number {
    return this.body.y;
  }

  destroy(): void {
    this.body.destroy();
    this.label.destroy();
    this.bubble?.destroy();
  }

  private show(visible: boolean, now: number): void {
    this.body.setVisible(visible);
    this.label.setVisible(visible);
    this.bubble?.setVisible(visible && now <= this.bubbleUntil);
  }

  private setDepth(depth: number): void {
    this.body.setDepth(depth);
    this.label.setDepth(depth);
    this.bubble?.setDepth(depth);
  }

  /** Above the ship, or below it at the top edge, and never past the left or right edge. */
  private placeLabel(x: number, y: number): void {
    const half = this.label.width / 2 + TAG_MARGIN;
    const dx = Math.min(Math.max(x, half), ARENA_WIDTH - half) - x;
    const above = y - SHIP_RADIUS - 16 - this.label.height > TAG_MARGIN;
    const dy = Math.min(above ? -SHIP_RADIUS - 16 : SHIP_RADIUS + 6 + this.label.height, ARENA_HEIGHT - TAG_MARGIN - y);
    this.label.setPosition(x + dx, y + dy);
  }

  /** A fading streak through the last positions, while the ship moves. */
  private drawTrail(x: number, y: number, now: number): void {
    const points = this.trailPoints;
    const last = points[points.length - 1];
    if (!last || (x - last.x) ** 2 + (y - last.y) ** 2 >= TRAIL_MIN_STEP ** 2) points.push({ x, y, at: now });
    // At rest the trail shrinks back into the ship as its points age.
    while (points.length > 1 && now - points[0]!.at > TRAIL_MS) points.shift();
    drawRibbon(this.layers.trails, points, this.color);
  }
}

/** A trail's two edges: left of its path, then right. */
const SIDES = [1, -1] as const;

/**
 * A streak through `points` (oldest first) that narrows from the hull's width at
 * the newest to nothing at the oldest: one filled outline, where a stroke per
 * stretch cost a style change and a stroke each.
 */
function drawRibbon(g: Phaser.GameObjects.Graphics, points: ReadonlyArray<{ x: number; y: number }>, color: number): void {
  const last = points.length - 1;
  if (last < 1) return;
  g.fillStyle(color, TRAIL_ALPHA);
  g.beginPath();
  // Down one side from the oldest point to the newest, then back up the other.
  for (const side of SIDES) {
    for (let k = 0; k <= last; k++) {
      const i = side === 1 ? k : last - k;
      const before = points[Math.max(0, i - 1)]!;
      const after = points[Math.min(last, i + 1)]!;
      const dx = after.x - before.x;
      const dy = after.y - before.y;
      const half = (side * (SHIP_RADIUS / 2) * i) / last / (Math.sqrt(dx * dx + dy * dy) || 1);
      const x = points[i]!.x - dy * half;
      const y = points[i]!.y + dx * half;
      if (k === 0 && side === 1) g.moveTo(x, y);
      else g.lineTo(x, y);
    }
  }
  g.closePath();
  g.fillPath();
}
