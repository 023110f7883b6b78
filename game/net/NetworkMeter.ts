// Measures the room's WebSocket as it is used: every frame going up and coming
// down, by kind and size. It also holds the latency simulator, which delays both
// directions right here, at the socket, so everything above it feels the lag.
import { Protocol } from "@colyseus/sdk";
import { PROTOCOL_CODE_MASK } from "@colyseus/shared-types";
import { BROADCAST_MESSAGES } from "../../shared/messages.ts";

export type Direction = "up" | "down";
export type FrameKind = "input" | "patch" | "state" | "message" | "ping" | "other";

export interface Frame {
  at: number;
  direction: Direction;
  kind: FrameKind;
  bytes: number;
}

export interface Rates {
  inputsPerSecond: number;
  upBytesPerSecond: number;
  otherUpPerSecond: number;
  patchesPerSecond: number;
  downBytesPerSecond: number;
  otherDownPerSecond: number;
}

/** What the meter needs of a room: its connection, whose send, onmessage and onclose it wraps (the close event passes through as it is). */
interface MeteredConnection<Close> {
  send(data: Uint8Array | ArrayBuffer): void;
  events: { onmessage?: ((event: MessageEvent) => void) | null; onclose?: ((event: Close) => void) | null };
}

const WINDOW_MS = 5000;
const RATE_WINDOW_MS = 1000;

export class NetworkMeter {
  /** Frames of the last few seconds, oldest first. */
  readonly frames: Frame[] = [];
  /** Everything since the meter was attached. */
  readonly totals = { upBytes: 0, downBytes: 0, inputs: 0, patches: 0, messagesUp: 0, broadcasts: 0, direct: 0 };
  /** Bytes received since the meter was attached, by what they were: frame kinds, and each room message by its type. */
  readonly downBytesBy = new Map<string, number>();
  /** Simulated round trip and jitter in ms, split evenly between the two directions. */
  simulatedRttMs = 0;
  simulatedJitterMs = 0;
  private upCursor = 0;
  private downCursor = 0;

  attach<Close>(connection: MeteredConnection<Close>): void {
    const send = connection.send.bind(connection);
    connection.send = (data) => {
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
      this.record("up", bytes);
      // The SDK reuses its send buffer: a delayed frame needs its own copy.
      const delay = this.delay("up");
      if (delay < 0) send(data);
      else {
        const copy = bytes.slice();
        setTimeout(() => send(copy), delay);
      }
    };

    const onMessage = connection.events.onmessage;
    connection.events.onmessage = (event) => {
      if (event.data instanceof ArrayBuffer) this.record("down", new Uint8Array(event.data));
      const delay = this.delay("down");
      if (delay < 0) onMessage?.(event);
      else setTimeout(() => onMessage?.(event), delay);
    };

    // A close must not overtake messages the simulator is still holding back.
    const onClose = connection.events.onclose;
    connection.events.onclose = (event) => {
      const delay = this.delay("down");
      if (delay < 0) onClose?.(event);
      else setTimeout(() => onClose?.(event), delay + 1);
    };
  }

  simulate(rttMs: number, jitterMs: number): void {
    this.simulatedRttMs = Math.max(0, rttMs);
    this.simulatedJitterMs = Math.max(0, jitterMs);
  }

  rates(now: number = performance.now()): Rates {
    const rates: Rates = {
      inputsPerSecond: 0,
      upBytesPerSecond: 0,
      otherUpPerSecond: 0,
      patchesPerSecond: 0,
      downBytesPerSecond: 0,
      otherDownPerSecond: 0,
    };
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i]!;
      if (now - frame.at > RATE_WINDOW_MS) break;
      if (frame.direction === "up") {
        rates.upBytesPerSecond += frame.bytes;
        if (frame.kind === "input") rates.inputsPerSecond++;
        else rates.otherUpPerSecond++;
      } else {
        rates.downBytesPerSecond += frame.bytes;
        if (frame.kind === "patch") rates.patchesPerSecond++;
        else rates.otherDownPerSecond++;
      }
    }
    return rates;
  }

  private record(direction: Direction, bytes: Uint8Array): void {
    const now = performance.now();
    const kind = kindOf(bytes[0] ?? 0);
    this.frames.push({ at: now, direction, kind, bytes: bytes.byteLength });
    if (direction === "up") this.totals.upBytes += bytes.byteLength;
    else this.totals.downBytes += bytes.byteLength;
    if (kind === "input") this.totals.inputs++;
    if (kind === "patch") this.totals.patches++;
    if (kind === "message" && direction === "up") this.totals.messagesUp++;
    if (direction === "down") {
      const what = kind === "message" ? messageType(bytes) : kind;
      this.downBytesBy.set(what, (this.downBytesBy.get(what) ?? 0) + bytes.byteLength);
    }
    if (kind === "message" && direction === "down") {
      if (BROADCAST_MESSAGES.has(messageType(bytes))) this.totals.broadcasts++;
      else this.totals.direct++;
    }
    while (this.frames.length > 0 && now - this.frames[0]!.at > WINDOW_MS) this.frames.shift();
  }

  /**
   * How long to hold a frame back, or -1 to pass it straight on. Frames in one
   * direction keep their order: jitter changes their spacing, never their sequence,
   * as the state decoder needs.
   */
  private delay(direction: Direction): number {
    if (this.simulatedRttMs === 0 && this.simulatedJitterMs === 0) return -1;
    const now = performance.now();
    const jitter = (Math.random() * 2 - 1) * (this.simulatedJitterMs / 2);
    const cursor = direction === "up" ? this.upCursor : this.downCursor;
    const at = Math.max(now + this.simulatedRttMs / 2 + jitter, cursor + 0.5);
    if (direction === "up") this.upCursor = at;
    else this.downCursor = at;
    return at - now;
  }
}

/** The type of a room message: a short string right after the protocol byte (fixstr or str8). */
function messageType(bytes: Uint8Array): string {
  const header = bytes[1] ?? 0;
  const [start, length] = header >= 0xa0 && header <= 0xbf ? [2, header & 0x1f] : header === 0xd9 ? [3, bytes[2] ?? 0] : [0, 0];
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function kindOf(firstByte: number): FrameKind {
  switch (firstByte & PROTOCOL_CODE_MASK) {
    case Protocol.ROOM_INPUT_RELIABLE:
    case Protocol.ROOM_INPUT_UNRELIABLE:
      return "input";
    case Protocol.ROOM_STATE_PATCH:
      return "patch";
    case Protocol.ROOM_STATE:
      return "state";
    case Protocol.ROOM_DATA:
      return "message";
    case Protocol.PING:
      return "ping";
    default:
      return "other";
  }
}
