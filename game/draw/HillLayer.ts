import type Phaser from "phaser";
import { type Circle, layoutByName, type Wall } from "../../shared/arena.ts";
import { type HillState, hillHolder } from "../../shared/modes/koth.ts";
import { teamName } from "../../shared/modes/teams.ts";
import { COLORS, css, FONTS, teamColor } from "../palette.ts";
import { distanceSquaredToRect } from "../../shared/geometry.ts";
import { drawWalls } from "./ArenaBackdrop.ts";

/** What the hill is drawn from: the round's mode, its layout and who has the hill. */
export interface HillView {
  mode: string;
  layout: string;
  hill: HillState;
}

/**
 * King of the Hill's hill on the floor, in the game and the replays: a dashed
 * ring while no one holds it, filled and ringed in the holder's colour, and
 * ringed in both teams' colours by turns, pulsing, while it is contested. Its
 * label says the same in words, for any palette.
 */
export class HillLayer {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly label: Phaser.GameObjects.Text;
  private drawn = "";

  constructor(scene: Phaser.Scene) {
    this.graphics = scene.add.graphics().setDepth(1);
    this.label = scene.add
      .text(0, 0, "", { fontFamily: FONTS.ui, fontSize: "13px", fontStyle: "bold", color: css(COLORS.text), stroke: css(COLORS.black), strokeThickness: 3 })
      .setOrigin(0.5, 1)
      .setDepth(1);
  }

  draw(view: HillView, now: number): void {
    const shown = view.mode === "koth";
    this.graphics.setVisible(shown);
    this.label.setVisible(shown);
    if (!shown) return;
    this.graphics.setAlpha(view.hill === "contested" ? 0.75 + 0.25 * Math.sin(now / 120) : 1);
    // The team colours are in the key: switching the palette draws the hill again.
    const key = `${view.layout} ${view.hill} ${teamColor(1)}`;
    if (key === this.drawn) return;
    this.drawn = key;
    const layout = layoutByName(view.layout);
    const { x, y, radius } = layout.hill;
    const holder = hillHolder(view.hill);
    const g = this.graphics;
    g.clear();
    if (holder !== null) {
      g.fillStyle(teamColor(holder), 0.16);
      g.fillCircle(x, y, radius);
      g.lineStyle(4, teamColor(holder), 0.9);
      g.strokeCircle(x, y, radius);
    } else {
      g.fillStyle(view.hill === "contested" ? COLORS.highlight : COLORS.white, view.hill === "contested" ? 0.12 : 0.05);
      g.fillCircle(x, y, radius);
      const arcs = 16;
      const step = (Math.PI * 2) / arcs;
      for (let i = 0; i < arcs; i++) {
        g.lineStyle(3, view.hill === "contested" ? teamColor((i % 2) + 1) : COLORS.muted, 0.9);
        g.beginPath();
        g.arc(x, y, radius, i * step, i * step + step * (view.hill === "contested" ? 1 : 0.6));
        g.strokePath();
      }
    }
    // The walls inside the hill stand on it, as cover does: they are drawn again over it.
    drawWalls(
      g,
      layout.walls.filter((wall) => reaches(wall, layout.hill)),
    );
    const words = holder !== null ? `HILL · ${teamName(holder).toUpperCase()} HOLDS` : view.hill === "contested" ? "HILL · CONTESTED" : "HILL";
    this.label
      .setText(words)
      .setColor(css(holder !== null ? teamColor(holder) : view.hill === "contested" ? COLORS.highlight : COLORS.muted))
      .setPosition(x, y - radius - 4);
  }
}

/** Whether any of `wall` lies inside `circle`. */
function reaches(wall: Wall, circle: Circle): boolean {
  return distanceSquaredToRect(circle.x, circle.y, wall) < circle.radius * circle.radius;
}
