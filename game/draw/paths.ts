// Shapes added to the path a Graphics is building, so that many of them make one
// fill or one stroke: the Canvas renderer pays per fill, stroke and change of style,
// far less per shape.
import type Phaser from "phaser";

/** An arc round (x, y) from `start` to `end` (a whole circle by default), begun where it starts: no line joins it to the shape before. */
export function addArc(g: Phaser.GameObjects.Graphics, x: number, y: number, radius: number, start = 0, end = Math.PI * 2): void {
  g.moveTo(x + radius * Math.cos(start), y + radius * Math.sin(start));
  g.arc(x, y, radius, start, end);
}
