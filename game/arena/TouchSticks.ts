import type Phaser from "phaser";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../../shared/constants.ts";
import { COLORS } from "../palette.ts";

/** How far a stick's knob travels from where the thumb landed, px of the arena. */
const STICK_RANGE = 70;
/** Deflection (0..1) below which a stick counts as centred. */
const DEAD_ZONE = 0.2;
/** The dash button: a circle on the right, above the bottom edge's HUD. */
const DASH_BUTTON = { x: ARENA_WIDTH - 96, y: ARENA_HEIGHT - 170, r: 44 };

interface Stick {
  pointerId: number;
  baseX: number;
  baseY: number;
  /** Deflection, each axis -1..1. */
  x: number;
  y: number;
}

/**
 * Twin sticks for touch screens. A thumb that lands on the left half of the arena
 * holds the move stick, on the right half the aim stick (which fires while it is
 * pushed past the dead zone); each appears where the thumb lands. The dash button
 * sits on the right. Drawn only once touch is in use.
 */
export class TouchSticks {
  private move: Stick | null = null;
  private aim: Stick | null = null;
  private dashPressed = false;
  /** The last aim direction, kept after the thumb lifts so the ship keeps facing there. */
  private lastAim = { x: 1, y: 0 };
  private readonly graphics: Phaser.GameObjects.Graphics;
  /** Set by the first touch; until then nothing is drawn. */
  active = false;

  constructor(scene: Phaser.Scene) {
    // Two thumbs plus the dash button, beyond Phaser's default of one touch.
    scene.input.addPointer(2);
    this.graphics = scene.add.graphics().setDepth(35);
    scene.input.on("pointerdown", (pointer: Phaser.Input.Pointer) => this.down(pointer));
    scene.input.on("pointermove", (pointer: Phaser.Input.Pointer) => this.drag(pointer));
    scene.input.on("pointerup", (pointer: Phaser.Input.Pointer) => this.up(pointer));
    scene.input.on("pointerupoutside", (pointer: Phaser.Input.Pointer) => this.up(pointer));
  }

  /** Move stick deflection, each axis -1..1 (0 within the dead zone). */
  get moveVector(): { x: number; y: number } {
    return live(this.move);
  }

  /** Where to aim: the aim stick's direction, or the last one it had. */
  get aimVector(): { x: number; y: number } {
    const stick = live(this.aim);
    if (stick.x !== 0 || stick.y !== 0) this.lastAim = stick;
    return this.lastAim;
  }

  /** The aim stick fires while it is pushed. */
  get firing(): boolean {
    const stick = live(this.aim);
    return stick.x !== 0 || stick.y !== 0;
  }

  /** A dash press, taken by the step that reads it. */
  takeDash(): boolean {
    const pressed = this.dashPressed;
    this.dashPressed = false;
    return pressed;
  }

  draw(): void {
    const g = this.graphics;
    g.clear();
    if (!this.active) return;
    g.fillStyle(COLORS.shield, 0.14);
    g.fillCircle(DASH_BUTTON.x, DASH_BUTTON.y, DASH_BUTTON.r);
    g.lineStyle(2, COLORS.shield, 0.5);
    g.strokeCircle(DASH_BUTTON.x, DASH_BUTTON.y, DASH_BUTTON.r);
    g.lineStyle(3, COLORS.shield, 0.6);
    g.lineBetween(DASH_BUTTON.x - 14, DASH_BUTTON.y - 10, DASH_BUTTON.x + 6, DASH_BUTTON.y);
    g.lineBetween(DASH_BUTTON.x + 6, DASH_BUTTON.y, DASH_BUTTON.x - 14, DASH_BUTTON.y + 10);
    for (const [stick, color] of [
      [this.move, COLORS.white],
      [this.aim, COLORS.danger],
    ] as const) {
      if (!stick) continue;
      g.lineStyle(2, color, 0.35);
      g.strokeCircle(stick.baseX, stick.baseY, STICK_RANGE);
      g.fillStyle(color, 0.35);
      g.fillCircle(stick.baseX + stick.x * STICK_RANGE, stick.baseY + stick.y * STICK_RANGE, 26);
    }
  }

  private down(pointer: Phaser.Input.Pointer): void {
    if (!pointer.wasTouch) return;
    this.active = true;
    const { worldX: x, worldY: y } = pointer;
    if (Math.hypot(x - DASH_BUTTON.x, y - DASH_BUTTON.y) <= DASH_BUTTON.r) {
      this.dashPressed = true;
      return;
    }
    const stick = { pointerId: pointer.id, baseX: x, baseY: y, x: 0, y: 0 };
    if (x < ARENA_WIDTH / 2) this.move ??= stick;
    else this.aim ??= stick;
  }

  private drag(pointer: Phaser.Input.Pointer): void {
    for (const stick of [this.move, this.aim]) {
      if (!stick || stick.pointerId !== pointer.id) continue;
      let dx = (pointer.worldX - stick.baseX) / STICK_RANGE;
      let dy = (pointer.worldY - stick.baseY) / STICK_RANGE;
      const length = Math.hypot(dx, dy);
      if (length > 1) {
        dx /= length;
        dy /= length;
      }
      stick.x = dx;
      stick.y = dy;
    }
  }

  private up(pointer: Phaser.Input.Pointer): void {
    if (this.move?.pointerId === pointer.id) this.move = null;
    if (this.aim?.pointerId === pointer.id) this.aim = null;
  }
}

function live(stick: Stick | null): { x: number; y: number } {
  if (!stick || Math.hypot(stick.x, stick.y) < DEAD_ZONE) return { x: 0, y: 0 };
  return { x: stick.x, y: stick.y };
}
