// The banner across the arena while the connection is lost and the game
// reconnects by itself; it goes as soon as the room is back.
import type Phaser from "phaser";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../../shared/constants.ts";
import type { ArenaConnection } from "../net/ArenaConnection.ts";
import { COLORS, css, FONTS } from "../palette.ts";

export class ConnectionBanner {
  /** "playing", or "reconnecting" while the link is down (the test probe reads it). */
  status: "playing" | "reconnecting" = "playing";
  private readonly text: Phaser.GameObjects.Text;

  constructor(scene: Phaser.Scene, connection: ArenaConnection) {
    this.text = scene.add
      .text(ARENA_WIDTH / 2, ARENA_HEIGHT / 2, "Connection lost\nReconnecting…", {
        fontFamily: FONTS.ui,
        fontSize: "26px",
        color: css(COLORS.text),
        align: "center",
        backgroundColor: css(COLORS.black, 0.67),
        padding: { x: 18, y: 12 },
      })
      .setOrigin(0.5)
      .setDepth(40)
      .setVisible(false);
    connection.room.onDrop(() => {
      this.status = "reconnecting";
      this.text.setVisible(true);
    });
    connection.room.onReconnect(() => {
      this.status = "playing";
      this.text.setVisible(false);
    });
  }
}
