// A gamepad through the browser's Gamepad API, standard mapping: left stick
// moves, right stick aims, right trigger fires, a shoulder button or A dashes,
// Start or Select shows the scoreboard. Polled every frame once the browser has
// said a pad is connected (it says so when a pad is first used), and not before:
// asking for pads costs a frame's script more than anything else the HUD does.

/** Stick deflection (0..1) below which a stick counts as centred; triggers count as pulled past it. */
const DEAD_ZONE = 0.2;
/** Standard-mapping button indexes. */
const BUTTON = { a: 0, leftShoulder: 4, rightShoulder: 5, rightTrigger: 7, select: 8, start: 9 } as const;

export interface PadState {
  move: { x: number; y: number };
  /** The right stick's direction, or null while it is centred. */
  aim: { x: number; y: number } | null;
  fire: boolean;
  dash: boolean;
  scoreboard: boolean;
  /** Anything held or pushed: the pad is the device in use. */
  active: boolean;
}

export class GamepadControls {
  private dashHeld = false;

  /** The first connected pad's state now, or null if there is none. */
  read(): PadState | null {
    const pad = connectedPad();
    if (!pad) return null;
    const axis = (i: number) => {
      const value = pad.axes[i] ?? 0;
      return Math.abs(value) < DEAD_ZONE ? 0 : value;
    };
    const pressed = (i: number) => {
      const button = pad.buttons[i];
      return button !== undefined && (button.pressed || button.value > DEAD_ZONE);
    };
    const move = { x: axis(0), y: axis(1) };
    const aimX = axis(2);
    const aimY = axis(3);
    const dashNow = pressed(BUTTON.leftShoulder) || pressed(BUTTON.rightShoulder) || pressed(BUTTON.a);
    // A dash is one press: holding the button does not dash again.
    const dash = dashNow && !this.dashHeld;
    this.dashHeld = dashNow;
    const fire = pressed(BUTTON.rightTrigger);
    const scoreboard = pressed(BUTTON.start) || pressed(BUTTON.select);
    const aim = aimX !== 0 || aimY !== 0 ? { x: aimX, y: aimY } : null;
    const active = move.x !== 0 || move.y !== 0 || aim !== null || fire || dashNow || scoreboard;
    return { move, aim, fire, dash, scoreboard, active };
  }
}

let padSeen = false;
addEventListener("gamepadconnected", () => {
  padSeen = true;
});

function connectedPad(): Gamepad | null {
  if (!padSeen) return null;
  const pads = typeof navigator.getGamepads === "function" ? navigator.getGamepads() : [];
  for (const pad of pads) if (pad?.connected) return pad;
  return null;
}
