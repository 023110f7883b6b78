// A replay file is the replay's bytes, gzipped. Unpacking stops at the format's
// size limit, so a small file that inflates to gigabytes is refused, not inflated.
import { gzip, gunzipSync } from "node:zlib";
import { promisify } from "node:util";
import { ReplayError } from "../shared/replay/bytes.ts";
import { decodeReplay, REPLAY_LIMITS, type Replay } from "../shared/replay/format.ts";

const gzipAsync = promisify(gzip);

export async function packReplay(bytes: Uint8Array): Promise<Buffer> {
  return gzipAsync(bytes, { level: 9 });
}

/** Reads a replay file, or throws a ReplayError saying what is wrong with it. */
export function readReplayFile(file: Uint8Array): Replay {
  if (file.length > REPLAY_LIMITS.bytes) throw new ReplayError(`The file is too large for a replay (${file.length} bytes; at most ${REPLAY_LIMITS.bytes}).`);
  if (file[0] !== 0x1f || file[1] !== 0x8b) throw new ReplayError("This is not a Skirmish replay (it is not gzip-compressed).");
  let bytes: Buffer;
  try {
    bytes = gunzipSync(file, { maxOutputLength: REPLAY_LIMITS.bytes });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ERR_BUFFER_TOO_LARGE") throw new ReplayError(`The replay unpacks to more than ${REPLAY_LIMITS.bytes} bytes.`);
    throw new ReplayError("The replay file is damaged (its compressed data does not unpack).");
  }
  return decodeReplay(bytes);
}
