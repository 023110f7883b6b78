import Phaser from "phaser";
import { AIM_AXIS_MAX, MOVE_AXIS_MAX } from "../../shared/constants.ts";
import type { ShipControls } from "../../shared/step.ts";

type KeyName = "up" | "down" | "left" | "right" | "w" | "a" | "s" | "d" | "space" | "shift";

/** Keyboard and mouse, read into the controls one input message carries. */
export class PlayerControls {
  private readonly keys: Record<KeyName, Phaser.Input.Keyboard.Key>;
  private readonly pointer: Phaser.Input.Pointer;
  /** A dash press waits here until the next step takes it, so a tap is never lost between steps. */
  private dashPressed = false;

  constructor(scene: Phaser.Scene) {
    const K = Phaser.Input.Keyboard.KeyCodes;
    const keyboard = scene.input.keyboard!;
    this.keys = keyboard.addKeys(
      { up: K.UP, down: K.DOWN, left: K.LEFT, right: K.RIGHT, w: K.W, a: K.A, s: K.S, d: K.D, space: K.SPACE, shift: K.SHIFT },
      true,
    ) as Record<KeyName, Phaser.Input.Keyboard.Key>;
    this.keys.space.on("down", () => (this.dashPressed = true));
    this.keys.shift.on("down", () => (this.dashPressed = true));
    this.pointer = scene.input.activePointer;
  }

  /** Controls for the next step of a ship drawn at (shipX, shipY). */
  forStep(shipX: number, shipY: number): ShipControls {
    const k = this.keys;
    const x = Number(k.right.isDown || k.d.isDown) - Number(k.left.isDown || k.a.isDown);
    const y = Number(k.down.isDown || k.s.isDown) - Number(k.up.isDown || k.w.isDown);
    const aimX = this.pointer.worldX - shipX;
    const aimY = this.pointer.worldY - shipY;
    const scale = AIM_AXIS_MAX / Math.max(Math.abs(aimX), Math.abs(aimY), 1);
    const dash = this.dashPressed;
    this.dashPressed = false;
    return {
      moveX: x * MOVE_AXIS_MAX,
      moveY: y * MOVE_AXIS_MAX,
      aimX: Math.round(aimX * scale),
      aimY: Math.round(aimY * scale),
      fire: this.pointer.leftButtonDown(),
      dash,
    };
  }
}
