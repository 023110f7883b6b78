// Bottom right: the controls of the device in use, the sound toggle, and a row of
// buttons that stand in for keys on a touch screen (scores, chat, settings, and
// full screen where a phone or tablet can have it).
import type Phaser from "phaser";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../../../shared/constants.ts";
import { COLORS } from "../../palette.ts";
import { clickable, hudText, type Place } from "./hudText.ts";

export interface ControlRowActions {
  toggleMute: () => void;
  /** Opens or closes the scoreboard (the button that stands in for Tab on touch screens). */
  toggleScoreboard: () => void;
  openChat: () => void;
  openSettings: () => void;
  fullScreen: () => void;
}

export class ControlRow {
  private readonly hint: Phaser.GameObjects.Text;
  private readonly muteButton: Phaser.GameObjects.Text;

  constructor(scene: Phaser.Scene, place: Place, actions: ControlRowActions) {
    this.hint = hudText(scene, ARENA_WIDTH - 12, ARENA_HEIGHT - 10, 12, COLORS.muted).setOrigin(1, 1);
    this.muteButton = clickable(hudText(scene, ARENA_WIDTH - 12, ARENA_HEIGHT - 30, 13, COLORS.muted).setOrigin(1, 1), actions.toggleMute);
    const buttons = [
      ["Scores", actions.toggleScoreboard],
      ["Chat", actions.openChat],
      ["⚙ Settings", actions.openSettings],
      ...(document.fullscreenEnabled && window.matchMedia?.("(pointer: coarse)").matches ? [["Full screen", actions.fullScreen] as const] : []),
    ] as const;
    let right = ARENA_WIDTH - 130;
    const row = buttons.map(([label, onClick]) => {
      const node = clickable(
        hudText(scene, right, ARENA_HEIGHT - 30, 13, COLORS.accent)
          .setOrigin(1, 1)
          .setText(label),
        onClick,
      );
      node.setName(label);
      right -= node.width + 16;
      return node;
    });
    place("bottomRight", this.hint, this.muteButton, ...row);
  }

  /** `hint`: the controls of the input device in use. */
  update(hint: string, muted: boolean): void {
    this.muteButton.setText(muted ? "Sound off (M)" : "Sound on (M)");
    if (this.hint.text !== hint) this.hint.setText(hint);
  }
}
