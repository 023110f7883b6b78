// At the bottom centre while watching (clear of the chat and the status panel):
// whom we follow (or the whole arena), how to switch, and Join, which asks the
// room for a seat and a ship.
import type Phaser from "phaser";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../../../shared/constants.ts";
import { COLORS } from "../../palette.ts";
import { clickable, hudText } from "./hudText.ts";

/** What the bar shows while watching. */
export interface WatchState {
  /** The name of the ship followed, or null for the whole arena. */
  following: string | null;
  /** The device in use is a touch screen: switching is by tapping a side. */
  touch: boolean;
  /** The player was moved here for idling (said until they join). */
  idled: boolean;
}

export class WatchBar {
  private readonly line: Phaser.GameObjects.Text;
  private readonly hint: Phaser.GameObjects.Text;
  private readonly join: Phaser.GameObjects.Text;

  constructor(scene: Phaser.Scene, join: () => void) {
    const x = ARENA_WIDTH / 2;
    this.line = hudText(scene, x, ARENA_HEIGHT - 150, 20, COLORS.accent).setOrigin(0.5, 0);
    this.line.setName("watching");
    this.hint = hudText(scene, x, ARENA_HEIGHT - 122, 14, COLORS.muted).setOrigin(0.5, 0);
    this.join = clickable(
      hudText(scene, x, ARENA_HEIGHT - 98, 20, COLORS.accent)
        .setOrigin(0.5, 0)
        .setText("▶ Join the game"),
      join,
    );
    this.join.setName("join");
    this.update(null);
  }

  update(state: WatchState | null): void {
    for (const node of [this.line, this.hint, this.join]) node.setVisible(state !== null);
    if (!state) return;
    const who = state.following ? `Watching ${state.following}` : "Watching the whole arena";
    const line = state.idled ? `You were idle · ${who}` : who;
    if (this.line.text !== line) this.line.setText(line);
    const hint = state.touch ? "Tap the left or right edge to switch ships" : "Q / E or ← → switch ships · O the whole arena · J join";
    if (this.hint.text !== hint) this.hint.setText(hint);
  }
}
