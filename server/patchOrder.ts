// A patch is read from the state's root onward, and the encoder writes each changed
// structure in the order it first changed after the last patch. The ships move
// before the tick moves on, so the tick, which changes in every patch, came after
// them, behind a switch back to the root: 2 bytes a patch to every client. As each
// patch goes out, the tick is marked to lead the next one.
import type { ArenaState } from "../shared/schema.ts";

/** Right after a patch is sent: the next patch starts with the tick, where a patch starts reading. */
export function tickLeadsNextPatch(state: ArenaState): void {
  state.setDirty("tick");
}
