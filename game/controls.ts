import Phaser from "phaser";
import { MOVE_AXIS_MAX } from "../shared/constants.ts";
import type { ShipControls } from "../shared/step.ts";

/** Reads WASD and the arrow keys into the stick values the input message carries. */
export class KeyboardControls {
  private readonly keys: Record<"up" | "down" | "left" | "right" | "w" | "a" | "s" | "d", Phaser.Input.Keyboard.Key>;

  constructor(keyboard: Phaser.Input.Keyboard.KeyboardPlugin) {
    const K = Phaser.Input.Keyboard.KeyCodes;
    this.keys = keyboard.addKeys(
      { up: K.UP, down: K.DOWN, left: K.LEFT, right: K.RIGHT, w: K.W, a: K.A, s: K.S, d: K.D },
      true,
    ) as KeyboardControls["keys"];
  }

  read(): ShipControls {
    const k = this.keys;
    const x = Number(k.right.isDown || k.d.isDown) - Number(k.left.isDown || k.a.isDown);
    const y = Number(k.down.isDown || k.s.isDown) - Number(k.up.isDown || k.w.isDown);
    return { moveX: x * MOVE_AXIS_MAX, moveY: y * MOVE_AXIS_MAX };
  }
}
