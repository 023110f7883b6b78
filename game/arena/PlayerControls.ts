import Phaser from "phaser";
import { AIM_AXIS_MAX, MOVE_AXIS_MAX } from "../../shared/constants.ts";
import type { ShipControls } from "../../shared/step.ts";
import { GamepadControls, type PadState } from "./GamepadControls.ts";
import { TouchSticks } from "./TouchSticks.ts";

type KeyName = "up" | "down" | "left" | "right" | "w" | "a" | "s" | "d" | "space" | "shift";

/** The input device last used; the hint line names its controls. */
export type InputDevice = "keyboard" | "touch" | "gamepad";

export const DEVICE_HINTS: Record<InputDevice, string> = {
  keyboard: "WASD move · mouse aim · click fire · Space/Shift dash · Tab scores · Enter chat · 1-9 quick chat · Esc settings",
  touch: "left thumb moves · right thumb aims and fires · round button dashes · Chat and Scores buttons",
  gamepad: "left stick move · right stick aim · RT fire · LB/RB/A dash · Start scores",
};

/**
 * Keyboard and mouse, touch sticks and a gamepad, read into the controls one input
 * message carries. Whichever was used last drives the ship.
 */
export class PlayerControls {
  private readonly keys: Record<KeyName, Phaser.Input.Keyboard.Key>;
  private readonly pointer: Phaser.Input.Pointer;
  private readonly touch: TouchSticks;
  private readonly pad = new GamepadControls();
  private padState: PadState | null = null;
  /** The gamepad's last aim, kept while its right stick is centred. */
  private padAim = { x: 1, y: 0 };
  /** A dash press waits here until the next step takes it, so a tap is never lost between steps. */
  private dashPressed = false;
  device: InputDevice = "keyboard";

  constructor(scene: Phaser.Scene) {
    const K = Phaser.Input.Keyboard.KeyCodes;
    const keyboard = scene.input.keyboard!;
    this.keys = keyboard.addKeys(
      { up: K.UP, down: K.DOWN, left: K.LEFT, right: K.RIGHT, w: K.W, a: K.A, s: K.S, d: K.D, space: K.SPACE, shift: K.SHIFT },
      true,
    ) as Record<KeyName, Phaser.Input.Keyboard.Key>;
    this.keys.space.on("down", () => (this.dashPressed = true));
    this.keys.shift.on("down", () => (this.dashPressed = true));
    keyboard.on("keydown", () => (this.device = "keyboard"));
    this.pointer = scene.input.activePointer;
    this.touch = new TouchSticks(scene);
    scene.input.on("pointerdown", (pointer: Phaser.Input.Pointer) => (this.device = pointer.wasTouch ? "touch" : "keyboard"));
    scene.input.on("pointermove", (pointer: Phaser.Input.Pointer) => {
      if (!pointer.wasTouch) this.device = "keyboard";
    });
    // A touch screen shows its controls from the start.
    if (window.matchMedia?.("(pointer: coarse)").matches) {
      this.device = "touch";
      this.touch.active = true;
    }
  }

  /** Reads the gamepad and draws the touch controls; once per frame. */
  update(): void {
    this.padState = this.pad.read();
    if (this.padState?.active) this.device = "gamepad";
    if (this.padState?.aim) this.padAim = this.padState.aim;
    if (this.padState?.dash) this.dashPressed = true;
    this.touch.draw();
  }

  /** Whether the gamepad is in use this frame (a stick off centre or a button down). */
  get padActive(): boolean {
    return this.padState?.active ?? false;
  }

  /** The scoreboard is shown while a gamepad's Start or Select is held. */
  get padScoreboard(): boolean {
    return this.padState?.scoreboard ?? false;
  }

  /** The direction our ship aims, as an angle, for a ship drawn at (shipX, shipY). */
  aimAngle(shipX: number, shipY: number): number {
    const aim = this.aim(shipX, shipY);
    return Math.atan2(aim.y, aim.x);
  }

  /** Controls for the next step of a ship drawn at (shipX, shipY). */
  forStep(shipX: number, shipY: number): ShipControls {
    const move = this.move();
    const aim = this.aim(shipX, shipY);
    const scale = AIM_AXIS_MAX / Math.max(Math.abs(aim.x), Math.abs(aim.y), 1e-6);
    const dash = this.dashPressed || this.touch.takeDash();
    this.dashPressed = false;
    return {
      moveX: Math.round(move.x * MOVE_AXIS_MAX),
      moveY: Math.round(move.y * MOVE_AXIS_MAX),
      aimX: Math.round(aim.x * scale),
      aimY: Math.round(aim.y * scale),
      fire: this.firing(),
      dash,
    };
  }

  private move(): { x: number; y: number } {
    if (this.device === "touch") return this.touch.moveVector;
    if (this.device === "gamepad" && this.padState) return this.padState.move;
    const k = this.keys;
    return {
      x: Number(k.right.isDown || k.d.isDown) - Number(k.left.isDown || k.a.isDown),
      y: Number(k.down.isDown || k.s.isDown) - Number(k.up.isDown || k.w.isDown),
    };
  }

  private aim(shipX: number, shipY: number): { x: number; y: number } {
    if (this.device === "touch") return this.touch.aimVector;
    if (this.device === "gamepad") return this.padAim;
    return { x: this.pointer.worldX - shipX, y: this.pointer.worldY - shipY };
  }

  private firing(): boolean {
    if (this.device === "touch") return this.touch.firing;
    if (this.device === "gamepad") return this.padState?.fire ?? false;
    return this.pointer.leftButtonDown();
  }
}
