// Each player's inputs for a tick, as the room takes them from the framework's
// input buffers: one step per tick, with a little banked for inputs that arrive
// in a burst after a stall (MAX_CATCH_UP_STEPS), so a client cannot move or fire
// faster by sending faster. Each input's render time is kept for lag compensation,
// and each one applied is recorded for the replay.
import { MAX_CATCH_UP_STEPS } from "../shared/constants.ts";
import type { ShipControls } from "../shared/step.ts";
/** Told of every input applied: the recording, and the idle watch. */
export interface AppliedInputs {
  applied(id: string, input: ShipControls): void;
}

/** A player's input buffer, as the framework's defineInput keeps it. */
export interface InputBuffer extends Iterable<ShipControls> {
  /** The render time stamped on the input last read. */
  readonly renderTime: number;
  clear(): void;
}

export class InputIntake {
  private readonly buffers: (id: string) => InputBuffer;
  private readonly watchers: AppliedInputs[];
  /** Steps each player may still take this tick. */
  private readonly allowance = new Map<string, number>();
  /** The render times of the inputs taken this tick, by player, in order. */
  private renderTimes = new Map<string, number[]>();

  constructor(buffers: (id: string) => InputBuffer, ...watchers: AppliedInputs[]) {
    this.buffers = buffers;
    this.watchers = watchers;
  }

  /** A new tick: render times are those of its inputs. */
  beginTick(): void {
    this.renderTimes = new Map();
  }

  /** Player `id`'s inputs for this tick. */
  take(id: string): ShipControls[] {
    let allowance = Math.min((this.allowance.get(id) ?? 0) + 1, MAX_CATCH_UP_STEPS);
    const buffer = this.buffers(id);
    const inputs: ShipControls[] = [];
    const times: number[] = [];
    for (const input of buffer) {
      inputs.push(input);
      times.push(buffer.renderTime);
      for (const watcher of this.watchers) watcher.applied(id, input);
      if (--allowance === 0) break;
    }
    this.allowance.set(id, allowance);
    this.renderTimes.set(id, times);
    return inputs;
  }

  /** When the `index`th input `shooter` sent this tick was drawn on their screen (0: unknown). */
  renderTime(shooter: string, index: number): number {
    return this.renderTimes.get(shooter)?.[index] ?? 0;
  }

  /** A player joins: nothing banked. */
  start(id: string): void {
    this.allowance.set(id, 0);
  }

  /** A player is back after a drop: nothing banked, and inputs sent while the link was down are not replayed in a burst. */
  resume(id: string): void {
    this.buffers(id).clear();
    this.allowance.set(id, 0);
  }

  forget(id: string): void {
    this.allowance.delete(id);
  }
}
