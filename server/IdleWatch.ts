// Players who stopped playing. A player whose inputs change nothing for the
// room's idle time is warned IDLE_WARNING_SECONDS before it runs out, then moved
// to watching (the room frees their ship and seat; bots fill in as usual). Time
// knocked out or away does not count, nor time the client says its player is
// busy (a killcam, a chat line being typed) or pressed anything at all.
import { IDLE_WARNING_SECONDS } from "../shared/constants.ts";
import type { ShipControls } from "../shared/step.ts";

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
  /** Each player's last input, to tell a change from the same keys held. */
  private readonly last = new Map<string, string>();

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

  /** An input the room applied to `id`'s ship: one that differs from the last is play. */
  applied(id: string, controls: ShipControls): void {
    const key = `${controls.moveX},${controls.moveY},${controls.aimX},${controls.aimY},${controls.fire},${controls.dash}`;
    if (this.last.get(id) === key) return;
    this.last.set(id, key);
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
