// Opens a replay file in the browser: gunzips it with the platform's
// DecompressionStream, stopping at the format's size limit, then decodes it.
import { ReplayError } from "../../shared/replay/bytes.ts";
import { decodeReplay, REPLAY_LIMITS, type Replay } from "../../shared/replay/format.ts";

export async function unpackReplay(file: Uint8Array): Promise<Replay> {
  if (file.length > REPLAY_LIMITS.bytes) throw new ReplayError(`The file is too large for a replay (${file.length} bytes; at most ${REPLAY_LIMITS.bytes}).`);
  if (file[0] !== 0x1f || file[1] !== 0x8b) throw new ReplayError("This is not a Skirmish replay (it is not gzip-compressed).");
  const reader = new Blob([file as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("gzip")).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > REPLAY_LIMITS.bytes) {
        await reader.cancel();
        throw new ReplayError(`The replay unpacks to more than ${REPLAY_LIMITS.bytes} bytes.`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ReplayError) throw error;
    throw new ReplayError("The replay file is damaged (its compressed data does not unpack).");
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return decodeReplay(bytes);
}
