// What the HUD's widgets are made of: outlined text over the arena, buttons that
// a click (or tap) on does not also fire through, and the regions they fade in.
import type Phaser from "phaser";
import { COLORS, css, FONTS } from "../../palette.ts";
import type { HudRegion } from "../hudLayout.ts";

/** How much of a HUD panel shows while a ship is under it. */
export const FADED_ALPHA = 0.18;

/** A HUD object that fades with its region. */
export interface Fadable {
  setAlpha(alpha: number): unknown;
}

/** Puts a widget's objects in the screen region they fade with. */
export type Place = (region: HudRegion, ...objects: Fadable[]) => void;

export function hudText(scene: Phaser.Scene, x: number, y: number, size: number, color: number = COLORS.text): Phaser.GameObjects.Text {
  return scene.add
    .text(x, y, "", { fontFamily: FONTS.ui, fontSize: `${size}px`, color: css(color), stroke: css(COLORS.black), strokeThickness: 3 })
    .setDepth(20);
}

export function clickable(node: Phaser.GameObjects.Text, onClick: () => void): Phaser.GameObjects.Text {
  return node.setInteractive({ useHandCursor: true }).on("pointerdown", (_p: unknown, _x: number, _y: number, event: Phaser.Types.Input.EventData) => {
    // A click on the HUD is not a shot.
    event.stopPropagation();
    onClick();
  });
}
