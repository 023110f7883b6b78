// Idling, as the player sees it: the server's warning (a banner counting down
// and a sound) that they will be moved to watching, which any key, touch or pad
// button of theirs answers. While they are busy in a way their inputs do not
// show (a killcam, a chat line being typed) the game tells the server they are
// here every few seconds.
import type Phaser from "phaser";
import { ARENA_WIDTH } from "../../shared/constants.ts";
import type { ArenaConnection } from "../net/ArenaConnection.ts";
import { COLORS, css, FONTS } from "../palette.ts";

/** How often a busy player is said to be here: well within the shortest warning (IDLE_SECONDS_MIN − 15 s). */
const BUSY_EVERY_MS = 2000;

export class IdleNotice {
  private readonly connection: ArenaConnection;
  private readonly text: Phaser.GameObjects.Text;
  /** When the move to watching comes, while warned (performance.now() ms). */
  private deadline: number | null = null;
  private lastBusy = 0;

  constructor(scene: Phaser.Scene, connection: ArenaConnection, warn: () => void) {
    this.connection = connection;
    this.text = scene.add
      .text(ARENA_WIDTH / 2, 120, "", {
        fontFamily: FONTS.ui,
        fontSize: "22px",
        color: css(COLORS.text),
        align: "center",
        backgroundColor: css(COLORS.black, 0.72),
        padding: { x: 16, y: 10 },
      })
      .setOrigin(0.5, 0)
      .setDepth(40)
      .setVisible(false);
    this.text.setName("idle-warning");
    connection.onIdleWarning((seconds) => {
      this.deadline = performance.now() + seconds * 1000;
      warn();
    });
    connection.onWatching(() => (this.deadline = null));
    const answer = () => this.answer();
    addEventListener("keydown", answer, { capture: true });
    addEventListener("pointerdown", answer, { capture: true });
    scene.events.once("shutdown", () => {
      removeEventListener("keydown", answer, { capture: true });
      removeEventListener("pointerdown", answer, { capture: true });
    });
  }

  /** Whether the warning is showing (read by the test probe). */
  get warned(): boolean {
    return this.deadline !== null;
  }

  /** `busy`: in a killcam or typing; `padPressed`: a gamepad button is down. */
  update(now: number, busy: boolean, padPressed: boolean): void {
    if (padPressed) this.answer();
    if (busy && now - this.lastBusy > BUSY_EVERY_MS) {
      this.lastBusy = now;
      this.connection.active();
    }
    if (this.deadline === null) {
      this.text.setVisible(false);
      return;
    }
    const seconds = Math.max(0, Math.ceil((this.deadline - performance.now()) / 1000));
    this.text.setText(`Idle: moving you to watching in ${seconds} s\nPress any key or touch the screen to stay`).setVisible(true);
  }

  private answer(): void {
    if (this.deadline === null) return;
    this.deadline = null;
    this.connection.active();
  }
}
