// The kill feed, top right: the latest knock-outs, newest first, ours
// highlighted; each line goes after a few seconds.
import type Phaser from "phaser";
import { ARENA_WIDTH } from "../../../shared/constants.ts";
import { COLORS, css, FONTS } from "../../palette.ts";
import { FADED_ALPHA } from "./hudText.ts";

const FEED_SIZE = 5;
const FEED_MS = 7000;

export class KillFeed {
  private readonly scene: Phaser.Scene;
  private readonly lines: Array<{ text: Phaser.GameObjects.Text; at: number }> = [];
  /** Lines gone from the feed, kept to show the next ones: a text is dear to make, and knock-outs come often. */
  private readonly spare: Phaser.GameObjects.Text[] = [];
  private faded = false;

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
  }

  add(killerName: string, victimName: string, involvesMe: boolean, now: number): void {
    while (this.lines.length >= FEED_SIZE) this.retire(this.lines.length - 1);
    const line =
      this.spare.pop() ??
      this.scene.add
        .text(ARENA_WIDTH - 12, 0, "", { fontFamily: FONTS.ui, fontSize: "15px", backgroundColor: css(COLORS.black, 0.6), padding: { x: 8, y: 3 } })
        .setOrigin(1, 0)
        .setDepth(20);
    // Each change of colour or text draws the line anew, and most lines keep the colour they had.
    const color = css(involvesMe ? COLORS.highlight : COLORS.text);
    if (line.style.color !== color) line.setColor(color);
    line
      .setText(`${killerName}  ✕  ${victimName}`)
      .setAlpha(this.faded ? FADED_ALPHA : 1)
      .setVisible(true);
    this.lines.unshift({ text: line, at: now });
  }

  /** The feed as shown, newest first (read by the test probe). */
  get texts(): string[] {
    return this.lines.map((line) => line.text.text);
  }

  /** Fades the feed (a ship is under it), lines added later included. */
  fade(faded: boolean): void {
    this.faded = faded;
    for (const line of this.lines) line.text.setAlpha(faded ? FADED_ALPHA : 1);
  }

  update(now: number): void {
    for (let i = this.lines.length - 1; i >= 0; i--) {
      const line = this.lines[i]!;
      if (now - line.at > FEED_MS) this.retire(i);
    }
    this.lines.forEach((line, i) => {
      line.text.setY(12 + i * 26);
    });
  }

  private retire(index: number): void {
    const [line] = this.lines.splice(index, 1);
    if (line) this.spare.push(line.text.setVisible(false));
  }
}
