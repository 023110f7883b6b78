// The message gate refuses a frame the schema's decoders would complain of
// (server/wellFormed.ts): every frame an honest client sends must pass it, and
// every frame it refuses must be one the decoders cannot read cleanly.
import { InputDecoder, InputEncoder } from "@colyseus/schema/input";
import { Protocol } from "@colyseus/shared-types";
import { describe, expect, it } from "vitest";
import { inputReadable, messageTypeReadable } from "../../server/wellFormed.ts";
import { AIM_AXIS_MAX, MOVE_AXIS_MAX } from "../../shared/constants.ts";
import { ShipInput } from "../../shared/schema.ts";
import { roomMessage } from "../support/rawClient.ts";

type Controls = Pick<ShipInput, "moveX" | "moveY" | "aimX" | "aimY" | "fire" | "dash">;

/** A run of inputs that sets every field to its extremes and back to its default, as a player would. */
const RUN: Controls[] = [
  { moveX: 0, moveY: 0, aimX: 0, aimY: 0, fire: false, dash: false },
  { moveX: MOVE_AXIS_MAX, moveY: -MOVE_AXIS_MAX, aimX: AIM_AXIS_MAX, aimY: -AIM_AXIS_MAX, fire: true, dash: true },
  { moveX: -128, moveY: 127, aimX: -32_768, aimY: 32_767, fire: true, dash: false },
  { moveX: 0, moveY: 0, aimX: 1, aimY: -1, fire: false, dash: false },
];

/** The frames the SDK's encoder writes for RUN, each after the one before (deltas after the first). */
function encodedRun(): Uint8Array[] {
  const input = new ShipInput();
  const encoder = new InputEncoder(input);
  return RUN.map((controls) => {
    Object.assign(input, controls);
    return encoder.encode().slice();
  });
}

describe("an input frame", () => {
  it("reads when the SDK's encoder wrote it, and decodes to what was sent (positive control)", () => {
    const received = new ShipInput();
    const decoder = new InputDecoder(received);
    const frames = encodedRun();
    frames.forEach((frame, i) => {
      expect(inputReadable(frame, received), `frame ${i}`).toBe(true);
      decoder.decode(frame);
      expect({ ...received.toJSON() }).toEqual(RUN[i]);
    });
    expect(frames[1]!.length).toBeGreaterThan(6);
  });

  it.each([
    ["names a field the input does not have", [0x80 | 40, 1]],
    ["switches to a structure the input does not have", [0xff, 1]],
    ["switches to a structure by an id that is not a number", [0xff, 0xc1]],
    ["ends inside a value", [0x80 | 2, 5]],
    ["deletes a field (left undefined, it would reach the rules as NaN)", [0x40 | 0]],
    ["deletes and sets a field", [0xc0 | 1, 5]],
  ])("is refused when it %s", (_, bytes) => {
    const input = new ShipInput();
    expect(inputReadable(Uint8Array.from(bytes), input)).toBe(false);
  });

  it("is refused when it is cut short inside any of its values, and read at every whole value", () => {
    const whole = encodedRun()[1]!;
    const input = new ShipInput();
    // The full snapshot is one op byte and one value per field: moveX, moveY (1 byte), aimX, aimY (2), fire, dash (1).
    const valueEnds = new Set([2, 4, 7, 10, 12, 14]);
    expect(whole.length).toBe(14);
    for (let length = 1; length <= whole.length; length++) {
      expect(inputReadable(whole.subarray(0, length), input), `first ${length} bytes`).toBe(valueEnds.has(length));
    }
  });
});

describe("a room message's type", () => {
  it("reads when it is a number or UTF-8 of any script and length", () => {
    expect(messageTypeReadable(Uint8Array.from([Protocol.ROOM_DATA, 7, 0xc0]))).toBe(true);
    for (const char of ["a", "é", "漢", "🚀"]) {
      for (const length of [1, 31, 32, 255, 256, 3000]) {
        const type = char.repeat(length);
        expect(messageTypeReadable(roomMessage(type)), `${char} × ${length}`).toBe(true);
        expect(messageTypeReadable(roomMessage(type, Protocol.ROOM_DATA_BYTES)), `${char} × ${length} as bytes`).toBe(true);
      }
    }
  });

  it.each([
    ["starts with a continuation byte", [0xa2, 0x80, 0x61]],
    ["has a byte no UTF-8 text has", [0xa2, 0x61, 0xff]],
    ["ends inside a character", [0xa2, 0x61, 0xe6]],
    ["is longer than its frame", [0xa5, 0x61, 0x62]],
    ["has its length cut off", [0xda, 0x05]],
  ])("is refused when its string %s", (_, bytes) => {
    expect(messageTypeReadable(Uint8Array.from([Protocol.ROOM_DATA, ...bytes]))).toBe(false);
  });
});
