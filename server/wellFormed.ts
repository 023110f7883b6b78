// Frames the framework's decoders would complain of, told apart before they read
// them. @colyseus/schema (5.0.34, the newest) does not throw on a frame that does
// not fit: its decoders write to the console and skip on (a message type that is
// not UTF-8; an input naming a field or a structure it does not have), so any
// client could fill the host's log, and it has no option or hook to say so
// instead. The room's message gate (framework.ts, 2) asks here first and kicks
// the sender of such a frame; the decoders never see it. Numbers and lengths are
// read with the schema's own decode functions, so the walk reads a frame as the
// decoder does; where the decoder would read past a frame's end, it is refused.
import { decode, type Iterator, OPERATION, type Schema } from "@colyseus/schema";

/** The schema's byte for "the values that follow are another structure's" (its spec.ts; not exported). */
const SWITCH_TO_STRUCTURE = 255;
/** The id the decoder gives the structure it decodes into; an input has no other. */
const ROOT_REF_ID = 0;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Whether the message type a ROOM_DATA or ROOM_DATA_BYTES frame starts with can be read: a number, or a whole UTF-8 string. */
export function messageTypeReadable(frame: Uint8Array): boolean {
  const it = { offset: 1 };
  return !decode.stringCheck(frame, it) || readString(frame, it);
}

/**
 * Whether an input frame's body decodes into `instance` without a complaint and
 * sets what it names: each value sets (never deletes) a field of its type and
 * ends within the frame, and every string is UTF-8. Inputs are flat structs of primitives (shared/schema.ts); a
 * value of any other type is refused, not guessed at.
 */
export function inputReadable(body: Uint8Array, instance: Schema): boolean {
  const fields = (instance.constructor as unknown as Record<symbol, Record<number, { type: unknown } | undefined>>)[Symbol.metadata];
  const it: Iterator = { offset: 0 };
  while (it.offset < body.length) {
    const first = body[it.offset++]!;
    if (first === SWITCH_TO_STRUCTURE) {
      if (decode.number(body, it) !== ROOT_REF_ID) return false;
      continue;
    }
    // The byte is an operation (its top two bits) and a field index, as decodeSchemaOperation reads it.
    const operation = (first >> 6) << 6;
    const type = fields?.[first % (operation || 255)]?.type;
    if (type === undefined) return false;
    // An input sets its fields (the encoder writes ADD or REPLACE); a delete would leave a field
    // undefined, which the room's sanitizer turns into NaN (found by the room fuzzer).
    if (operation !== OPERATION.ADD && operation !== OPERATION.REPLACE) return false;
    if (!readPrimitive(body, it, type)) return false;
  }
  return true;
}

/** Reads one primitive value of `type` as the decoder would; whether it was one and ended within the frame. */
function readPrimitive(bytes: Uint8Array, it: Iterator, type: unknown): boolean {
  if (type === "string") return readString(bytes, it);
  const read = typeof type === "string" ? (decode as unknown as Record<string, (bytes: Uint8Array, it: Iterator) => unknown>)[type] : undefined;
  if (typeof read !== "function") return false;
  read(bytes, it);
  return it.offset <= bytes.length;
}

/** Reads a string as decode.string does (a msgpack string header, lengths little-endian); whether its bytes are all there and UTF-8. */
function readString(bytes: Uint8Array, it: Iterator): boolean {
  const prefix = bytes[it.offset++] ?? 0xff;
  const length =
    prefix < 0xc0
      ? prefix & 0x1f
      : prefix === 0xd9
        ? decode.uint8(bytes, it)
        : prefix === 0xda
          ? decode.uint16(bytes, it)
          : prefix === 0xdb
            ? decode.uint32(bytes, it)
            : Number.NaN;
  const end = it.offset + length;
  if (!(end <= bytes.length)) return false;
  try {
    utf8.decode(bytes.subarray(it.offset, end));
  } catch {
    return false;
  }
  it.offset = end;
  return true;
}
