// The card a knocked-out player sees: who knocked them out, and when they are back.
import type Phaser from "phaser";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../../../shared/constants.ts";
import type { ShipState } from "../../../shared/world.ts";
import { COLORS, css, FONTS } from "../../palette.ts";

export class KoCard {
  private readonly card: Phaser.GameObjects.Text;

  constructor(scene: Phaser.Scene) {
    this.card = scene.add
      .text(ARENA_WIDTH / 2, ARENA_HEIGHT / 2 - 120, "", {
        fontFamily: FONTS.ui,
        fontSize: "24px",
        color: css(COLORS.text),
        align: "center",
        backgroundColor: css(COLORS.black, 0.69),
        padding: { x: 22, y: 14 },
      })
      .setOrigin(0.5)
      .setDepth(25);
  }

  /** Just right of the card, halfway down, while it shows: where its Report button goes. */
  get besideRight(): { x: number; y: number } | null {
    const card = this.card;
    return card.visible ? { x: card.x + card.width / 2 + 12, y: card.y } : null;
  }

  /** Shown while our ship is out of a round in play; `respawnSecondsLeft` counts down to its return. */
  update(own: Readonly<ShipState> | undefined, phase: string, respawnSecondsLeft: number): void {
    const knockedOut = phase === "playing" && own !== undefined && !own.alive;
    this.card.setVisible(knockedOut);
    if (!knockedOut) return;
    const by = own.koBy ? `Knocked out by ${own.koBy}` : "Knocked out";
    this.card.setText(`${by}\nBack in ${respawnSecondsLeft.toFixed(1)} s`);
  }
}
