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
export interface InputBuffer {
  /** Takes the oldest input waiting, if any; its render time becomes `renderTime`. */
  next(): ShipControls | undefined;
  /** The render time stamped on the input last taken. */
  readonly renderTime: number;
  clear(): void;
}

/** What the intake keeps of a player from tick to tick. */
interface PlayerIntake {
  /** Steps banked from ticks the player sent nothing in. */
  allowance: number;
  /** The render times of the inputs taken in the latest tick, in order. */
  renderTimes: number[];
}

export class InputIntake {
  private readonly buffers: (id: string) => InputBuffer;
  private readonly watchers: AppliedInputs[];
  private readonly players = new Map<string, PlayerIntake>();

  constructor(buffers: (id: string) => InputBuffer, ...watchers: AppliedInputs[]) {
    this.buffers = buffers;
    this.watchers = watchers;
  }

  /**
   * Player `id`'s inputs for this tick. Taken one by one (the buffer's `next`), not
   * through its iterator: this runs for every player every tick, mostly for one input.
   */
  take(id: string): ShipControls[] {
    const player = this.player(id);
    let allowance = Math.min(player.allowance + 1, MAX_CATCH_UP_STEPS);
    const buffer = this.buffers(id);
    const inputs: ShipControls[] = [];
    player.renderTimes.length = 0;
    while (allowance > 0) {
      const input = buffer.next();
      if (input === undefined) break;
      allowance--;
      inputs.push(input);
      player.renderTimes.push(buffer.renderTime);
      for (const watcher of this.watchers) watcher.applied(id, input);
    }
    player.allowance = allowance;
    return inputs;
  }

  /** When the `index`th input `shooter` sent this tick was drawn on their screen (0: unknown). */
  renderTime(shooter: string, index: number): number {
    return this.players.get(shooter)?.renderTimes[index] ?? 0;
  }

  /** A player joins: nothing banked. */
  start(id: string): PlayerIntake {
    const player = { allowance: 0, renderTimes: [] };
    this.players.set(id, player);
    return player;
  }

  /** A player is back after a drop: nothing banked, and inputs sent while the link was down are not replayed in a burst. */
  resume(id: string): void {
    this.buffers(id).clear();
    this.start(id);
  }

  forget(id: string): void {
    this.players.delete(id);
  }

  private player(id: string): PlayerIntake {
    return this.players.get(id) ?? this.start(id);
  }
}
