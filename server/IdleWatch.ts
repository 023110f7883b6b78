// Players who stopped playing. A player whose inputs change nothing for the
// room's idle time is warned IDLE_WARNING_SECONDS before it runs out, then moved
// to watching (the room frees their ship and seat; bots fill in as usual). Time
// knocked out or away does not count, nor time the client says its player is
// busy (a killcam, a chat line being typed) or pressed anything at all.
import { IDLE_WARNING_SECONDS } from "../shared/constants.ts";
import type { ShipControls } from "../shared/step.ts";

/** The smallest turn of the aim that counts as play, radians (about 11°). */
const AIM_TURN = 0.2;

/** The signed difference of two angles, within ±π. */
function angleBetween(from: number, to: number): number {
  return Math.atan2(Math.sin(to - from), Math.cos(to - from));
}

export interface IdleActions {
  /** `id` will be moved to watching in `seconds` unless they play. */
  warn(id: string, seconds: number): void;
  /** `id` has been idle for the room's idle time. */
  move(id: string): void;
}

export class IdleWatch {
  private readonly idleTicks: number;
  private readonly warningTicks: number;
  private readonly actions: IdleActions;
  /** Ticks each watched player has been idle, in play. */
  private readonly quiet = new Map<string, number>();
  /** Each player's last buttons and aim, to tell play from the same keys held. */
  private readonly last = new Map<string, Pick<ShipControls, "moveX" | "moveY" | "fire" | "dash"> & { angle: number }>();

  /** `idleTicks` 0: nobody is ever moved. */
  constructor(idleTicks: number, tickRate: number, actions: IdleActions) {
    this.idleTicks = idleTicks;
    this.warningTicks = IDLE_WARNING_SECONDS * tickRate;
    this.actions = actions;
  }

  watch(id: string): void {
    this.quiet.set(id, 0);
    this.last.delete(id);
  }

  forget(id: string): void {
    this.quiet.delete(id);
    this.last.delete(id);
  }

  /**
   * An input the room applied to `id`'s ship: a change of stick, trigger or dash
   * is play, and so is turning the aim by AIM_TURN or more (the aim a mouse gives
   * moves a little by itself when the ship is knocked about).
   */
  applied(id: string, controls: ShipControls): void {
    const angle = Math.atan2(controls.aimY, controls.aimX);
    const { moveX, moveY, fire, dash } = controls;
    const last = this.last.get(id);
    if (!last) {
      this.last.set(id, { moveX, moveY, fire, dash, angle });
      this.active(id);
      return;
    }
    // Kept in place, not replaced: this runs for every input of every player.
    const same = last.moveX === moveX && last.moveY === moveY && last.fire === fire && last.dash === dash;
    const turned = Math.abs(angleBetween(last.angle, angle)) >= AIM_TURN;
    last.moveX = moveX;
    last.moveY = moveY;
    last.fire = fire;
    last.dash = dash;
    if (turned) last.angle = angle;
    if (same && !turned) return;
    this.active(id);
  }

  /** The client says its player is here (busy in a killcam or the chat, or pressed something). */
  active(id: string): void {
    if (this.quiet.has(id)) this.quiet.set(id, 0);
  }

  /** One tick passed; `inPlay(id)` is false while a ship is knocked out or away. */
  tick(inPlay: (id: string) => boolean): void {
    if (this.idleTicks === 0) return;
    for (const [id, ticks] of this.quiet) {
      if (!inPlay(id)) continue;
      const now = ticks + 1;
      this.quiet.set(id, now);
      if (now === this.idleTicks - this.warningTicks) this.actions.warn(id, IDLE_WARNING_SECONDS);
      if (now >= this.idleTicks) {
        this.forget(id);
        this.actions.move(id);
      }
    }
  }
}
