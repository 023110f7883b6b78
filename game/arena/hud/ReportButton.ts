// "⚑ Report": beside the KO card and under the results, for a player who saw
// something wrong. The server answers with a replay (the round's last half
// minute, or the whole round between rounds) that the browser saves as a file,
// ready to attach to a bug report (docs/testing.md turns it into a test).
import type Phaser from "phaser";
import { COLORS, css } from "../../palette.ts";
import { clickable, hudText } from "./hudText.ts";

/** How long "Saved" shows after a report arrives, ms. */
const SAVED_MS = 3000;

export class ReportButton {
  private readonly button: Phaser.GameObjects.Text;
  private asked = false;
  private savedAt = -Infinity;

  constructor(scene: Phaser.Scene, report: () => void) {
    this.button = clickable(
      hudText(scene, 0, 0, 18, COLORS.text).setBackgroundColor(css(COLORS.panel, 0.9)).setPadding(12, 7, 12, 7).setStroke(css(COLORS.black), 0).setDepth(31),
      () => {
        if (this.asked) return;
        this.asked = true;
        report();
      },
    ).setVisible(false);
    this.button.setName("report");
  }

  /** The report's replay was saved. */
  saved(now: number): void {
    this.asked = false;
    this.savedAt = now;
  }

  /** No replay came (the server said why, as a notice): the button may be pressed again. */
  refused(): void {
    this.asked = false;
  }

  /** The button's centre while it shows (read by the test probe). */
  get centre(): { x: number; y: number } | null {
    const button = this.button;
    return button.visible ? { x: button.x + button.width / 2, y: button.y + button.height / 2 } : null;
  }

  /** Shown with its left edge at `at` (vertically centred there), or hidden when null. */
  update(at: { x: number; y: number } | null, now: number): void {
    this.button.setVisible(at !== null);
    if (!at) return;
    const text = this.asked ? "⚑ Saving…" : now - this.savedAt < SAVED_MS ? "✓ Replay saved" : "⚑ Report";
    if (this.button.text !== text) this.button.setText(text);
    this.button.setPosition(Math.round(at.x), Math.round(at.y - this.button.height / 2));
  }
}
