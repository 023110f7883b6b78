// Little-endian bytes with variable-length integers, for the replay format. The
// reader checks every length against what is left before it allocates anything,
// so a hostile file ends in a ReplayError, never in a huge array or a hang.

/** A replay that cannot be read, with a message a person can act on. */
export class ReplayError extends Error {
  override name = "ReplayError";
}

export class ByteWriter {
  private buffer = new Uint8Array(256);
  private length = 0;
  private readonly scratch = new DataView(new ArrayBuffer(8));

  get size(): number {
    return this.length;
  }

  u8(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value & 0xff;
  }

  /** An unsigned integer below 2^35, seven bits a byte. */
  varuint(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** 35) throw new RangeError(`not a small unsigned integer: ${value}`);
    let rest = value;
    while (rest >= 0x80) {
      this.u8((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.u8(rest);
  }

  /** A signed integer, zigzag-coded so small negatives stay short. */
  varint(value: number): void {
    this.varuint(value < 0 ? -2 * value - 1 : 2 * value);
  }

  u32(value: number): void {
    this.scratch.setUint32(0, value >>> 0, true);
    this.copy(4);
  }

  f64(value: number): void {
    this.scratch.setFloat64(0, value, true);
    this.copy(8);
  }

  text(value: string): void {
    const bytes = new TextEncoder().encode(value);
    this.varuint(bytes.length);
    this.bytes(bytes);
  }

  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private copy(count: number): void {
    this.reserve(count);
    for (let i = 0; i < count; i++) this.buffer[this.length++] = this.scratch.getUint8(i);
  }

  private reserve(count: number): void {
    if (this.length + count <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + count));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}

export class ByteReader {
  private offset = 0;
  private readonly view: DataView;
  private readonly bytes: Uint8Array;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.offset++]!;
  }

  varuint(max = 2 ** 35 - 1): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 5; i++) {
      const byte = this.u8();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        if (value > max) throw new ReplayError(`The replay is corrupt: ${value} is more than ${max}.`);
        return value;
      }
      scale *= 0x80;
    }
    throw new ReplayError("The replay is corrupt: a number runs on too long.");
  }

  varint(limit: number): number {
    const coded = this.varuint(2 * limit);
    return coded % 2 === 0 ? coded / 2 : -(coded + 1) / 2;
  }

  u32(): number {
    this.need(4);
    const value = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return value;
  }

  f64(): number {
    this.need(8);
    const value = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    if (!Number.isFinite(value)) throw new ReplayError("The replay is corrupt: a number is not finite.");
    return value;
  }

  text(maxBytes: number): string {
    const length = this.varuint(maxBytes);
    this.need(length);
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    try {
      return this.decoder.decode(slice);
    } catch {
      throw new ReplayError("The replay is corrupt: a name is not valid text.");
    }
  }

  /** How many items follow, each at least `minBytes` long: refused before any is read if they cannot fit. */
  count(max: number, minBytes: number): number {
    const count = this.varuint(max);
    if (count * minBytes > this.remaining) throw new ReplayError("The replay is cut short: it ends in the middle of a list.");
    return count;
  }

  private need(count: number): void {
    if (this.offset + count > this.bytes.length) throw new ReplayError("The replay is cut short: it ends in the middle of a record.");
  }
}
