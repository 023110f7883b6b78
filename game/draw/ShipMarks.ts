// What is drawn over every ship: the health bar, the shield, the hit flash and a
// teammate's broken ring. Each ship adds its marks as it is drawn, and the layer
// draws them all at the end of the frame, one kind at a time: the Canvas renderer
// pays for each change of style and each fill or stroke (a style is a colour string
// it builds and the canvas parses), far less for each shape in a path.
import type Phaser from "phaser";
import { SHIP_HEALTH, SHIP_RADIUS } from "../../shared/constants.ts";
import { COLORS, healthColor } from "../palette.ts";
import { addArc } from "./paths.ts";

const BAR_WIDTH = 36;
const BAR_HEIGHT = 5;
/** A teammate's ring: this many arcs, each this share of its part of the circle. */
const ALLY_ARCS = 6;
const ALLY_ARC_SHARE = 0.55;

/** One ship's marks this frame. */
export interface ShipMark {
  readonly x: number;
  readonly y: number;
  readonly health: number;
  readonly shielded: boolean;
  readonly flashing: boolean;
  readonly ally: boolean;
  /** The whole ship's alpha (a ship whose player is away is faded). */
  readonly alpha: number;
}

export class ShipMarks {
  private readonly graphics: Phaser.GameObjects.Graphics;
  /** This frame's marks. */
  private readonly marks: ShipMark[] = [];

  constructor(scene: Phaser.Scene, depth: number) {
    this.graphics = scene.add.graphics().setDepth(depth);
  }

  /** Starts a frame: no marks. */
  clear(): void {
    this.marks.length = 0;
    this.graphics.clear();
  }

  add(mark: ShipMark): void {
    this.marks.push(mark);
  }

  /** Draws the frame's marks: flashes, shields, rings, then the health bars over them all. */
  draw(): void {
    const g = this.graphics;
    const marks = this.marks;
    this.inPaths(
      marks.filter((mark) => mark.flashing),
      (alpha) => g.fillStyle(COLORS.white, 0.75 * alpha),
      ({ x, y }) => addArc(g, x, y, SHIP_RADIUS),
      () => g.fillPath(),
    );
    this.inPaths(
      marks.filter((mark) => mark.shielded),
      (alpha) => g.lineStyle(3, COLORS.shield, 0.8 * alpha),
      ({ x, y }) => addArc(g, x, y, SHIP_RADIUS + 9),
      () => g.strokePath(),
    );
    this.inPaths(
      marks.filter((mark) => mark.ally),
      (alpha) => g.lineStyle(2.5, COLORS.white, 0.85 * alpha),
      ({ x, y }) => allyRing(g, x, y),
      () => g.strokePath(),
    );
    let styled = -1;
    for (const { x, y, alpha } of marks) {
      if (alpha !== styled) g.fillStyle(COLORS.black, 0.6 * alpha);
      styled = alpha;
      g.fillRect(x - BAR_WIDTH / 2 - 1, y - SHIP_RADIUS - 13, BAR_WIDTH + 2, BAR_HEIGHT + 2);
    }
    // The bars themselves, by colour: a healthy ship's, a hurt one's, a nearly gone one's.
    const bars = marks
      .map((mark) => ({ mark, color: healthColor(mark.health / SHIP_HEALTH) }))
      .sort((a, b) => a.color - b.color || a.mark.alpha - b.mark.alpha);
    let styledColor = -1;
    styled = -1;
    for (const { mark, color } of bars) {
      if (color !== styledColor || mark.alpha !== styled) g.fillStyle(color, mark.alpha);
      styledColor = color;
      styled = mark.alpha;
      g.fillRect(mark.x - BAR_WIDTH / 2, mark.y - SHIP_RADIUS - 12, (BAR_WIDTH * mark.health) / SHIP_HEALTH, BAR_HEIGHT);
    }
  }

  /** Each of `marks` as shapes of one path, filled or stroked by `finish`; a new path and style only where the alpha changes. */
  private inPaths(marks: readonly ShipMark[], style: (alpha: number) => void, shape: (mark: ShipMark) => void, finish: () => void): void {
    const g = this.graphics;
    let styled = -1;
    for (const mark of marks) {
      if (mark.alpha !== styled) {
        if (styled !== -1) finish();
        style(mark.alpha);
        g.beginPath();
        styled = mark.alpha;
      }
      shape(mark);
    }
    if (styled !== -1) finish();
  }
}

/** Six white arcs round a teammate: a shape no enemy wears, in any palette. */
function allyRing(g: Phaser.GameObjects.Graphics, x: number, y: number): void {
  const step = (Math.PI * 2) / ALLY_ARCS;
  for (let i = 0; i < ALLY_ARCS; i++) addArc(g, x, y, SHIP_RADIUS + 6, i * step, i * step + step * ALLY_ARC_SHARE);
}
