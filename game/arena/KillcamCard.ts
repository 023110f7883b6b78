import type Phaser from "phaser";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../../shared/constants.ts";
import { COLORS, css, FONTS } from "../palette.ts";

/** Where the killcam is drawn: under the KO card, a 16:9 window on the middle of the arena. */
export const KILLCAM_VIEWPORT = { x: ARENA_WIDTH / 2 - 240, y: ARENA_HEIGHT / 2 - 40, width: 480, height: 270 } as const;

/** The killcam's frame around its window: a title naming the killer above it, and Skip below it. */
export class KillcamCard {
  private readonly frame: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly skip: Phaser.GameObjects.Text;

  constructor(scene: Phaser.Scene, onSkip: () => void) {
    const { x, y, width, height } = KILLCAM_VIEWPORT;
    this.frame = scene.add.graphics().setDepth(26);
    this.frame.fillStyle(COLORS.black, 0.7);
    this.frame.fillRect(x - 6, y - 34, width + 12, height + 74);
    this.frame.lineStyle(2, COLORS.edge, 1);
    this.frame.strokeRect(x - 1, y - 1, width + 2, height + 2);
    this.title = scene.add
      .text(x + 4, y - 8, "", { fontFamily: FONTS.ui, fontSize: "16px", fontStyle: "bold", color: css(COLORS.highlight) })
      .setOrigin(0, 1)
      .setDepth(27);
    this.skip = scene.add
      .text(x + width, y + height + 8, "Skip ▸  (Esc)", {
        fontFamily: FONTS.ui,
        fontSize: "16px",
        color: css(COLORS.text),
        backgroundColor: css(COLORS.panel, 0.9),
        padding: { x: 10, y: 5 },
      })
      .setOrigin(1, 0)
      .setDepth(27)
      .setInteractive({ useHandCursor: true })
      .on("pointerdown", (_pointer: Phaser.Input.Pointer, _x: number, _y: number, event: Phaser.Types.Input.EventData) => {
        event.stopPropagation();
        onSkip();
      });
    this.hide();
  }

  show(killer: string, speed: number): void {
    const pace = speed > 1.05 ? ` · ${speed.toFixed(1)}×` : "";
    this.title.setText(`KILLCAM · ${killer}'s view of your last seconds${pace}`);
    for (const part of [this.frame, this.title, this.skip]) part.setVisible(true);
  }

  hide(): void {
    for (const part of [this.frame, this.title, this.skip]) part.setVisible(false);
  }
}
