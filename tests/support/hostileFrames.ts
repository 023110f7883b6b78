// Hostile clients for the fuzz and log tests: every class of bad frame a client
// can send, each drawn afresh from a seeded generator, and a session that takes a
// seat through matchmaking like any client and then misbehaves.
import { Protocol } from "@colyseus/shared-types";
import { openSeat, requestSeat, roomMessage, wireString, within } from "./rawClient.ts";

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
export function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const bytes = (length: number) => Uint8Array.from({ length }, () => int(256));
  /** Text of any script, lone surrogates included: UTF-16 code units from every range. */
  const text = (length: number) =>
    String.fromCharCode(...Array.from({ length }, () => [int(0x80), 0x80 + int(0x780), 0x4e00 + int(0x5000), 0xd800 + int(0x800), int(0x10000)][int(5)]!));
  return { next, int, bytes, text };
}

const { JOIN_ROOM, ROOM_DATA, ROOM_DATA_BYTES, ROOM_STATE_PATCH, PING, ROOM_REQUEST, ROOM_INPUT_RELIABLE, ROOM_INPUT_UNRELIABLE } = Protocol;
const ping = (body: number[]) => Uint8Array.from([ROOM_DATA, ...wireString("ping"), ...body]);

export type Random = ReturnType<typeof generator>;

/** One way of misbehaving: the join options, whether the join is completed, and the frames sent, in order. */
interface Attack {
  options?: (random: Random) => object;
  beforeJoin?: true;
  frames: (random: Random) => Uint8Array[];
  /** WebSocket ping frames to send after the frames (browsers send none). */
  pings?: (random: Random) => number;
}

export const ATTACKS: Record<string, Attack> = {
  "random bytes": { frames: (r) => Array.from({ length: 40 }, () => r.bytes(1 + r.int(64))) },
  "truncated frames": {
    frames: (r) =>
      Array.from({ length: 40 }, () => Uint8Array.from([[ROOM_INPUT_RELIABLE, ROOM_DATA, ROOM_STATE_PATCH, JOIN_ROOM][r.int(4)]!, ...r.bytes(r.int(3))])),
  },
  "re-ordered frames": {
    frames: (r) =>
      Array.from({ length: 40 }, () => {
        const frame = [...ping([0x81, ...wireString("ms"), 0x10])];
        for (let i = frame.length - 1; i > 0; i--) {
          const j = r.int(i + 1);
          [frame[i], frame[j]] = [frame[j]!, frame[i]!];
        }
        return Uint8Array.from(frame);
      }),
  },
  "wrong field types": {
    frames: () => [ping([0x81, ...wireString("ms"), ...wireString("fast")]), ping([0x81, ...wireString("ms"), 0xd0, 0x80]), ping([0xc0])],
  },
  "unknown message types of any length and script": {
    frames: (r) => [roomMessage(r.text(1 + r.int([8, 120, 1500][r.int(3)]!)), [ROOM_DATA, ROOM_DATA_BYTES][r.int(2)])],
  },
  "room requests": { frames: (r) => [Uint8Array.from([ROOM_REQUEST, r.int(128), ...wireString(r.text(1 + r.int(200))), ...r.bytes(r.int(8))])] },
  "frames before the join": {
    beforeJoin: true,
    frames: (r) =>
      Array.from({ length: 20 }, () => Uint8Array.from([[ROOM_DATA, ROOM_REQUEST, ROOM_INPUT_RELIABLE, ROOM_DATA_BYTES][r.int(4)]!, ...r.bytes(r.int(200))])),
  },
  "inputs naming unknown fields": {
    frames: (r) => Array.from({ length: 5 }, () => Uint8Array.from([ROOM_INPUT_RELIABLE, 6 + r.int(250), ...r.bytes(r.int(4))])),
  },
  "ill-formed names": { options: (r) => ({ name: r.text(1 + r.int(60)) }), frames: () => [] },
  "garbled input rings": { frames: (r) => Array.from({ length: 10 }, () => Uint8Array.from([ROOM_INPUT_UNRELIABLE, ...r.bytes(1 + r.int(40))])) },
  "huge frames": { frames: (r) => [r.bytes(64 * 1024)] },
  flood: { frames: () => Array.from({ length: 3000 }, () => Uint8Array.from([PING])) },
  "websocket ping floods": { frames: () => [], pings: (r) => 50 + r.int(5000) },
};

export interface Session {
  attack: string;
  closedBy: number | null;
  reasonBytes: number;
}

/** Takes a seat through matchmaking like any client, then misbehaves; resolves when the socket closes. */
export async function fuzzSession(endpoint: string, code: string, name: string, random: Random): Promise<Session> {
  const attack = ATTACKS[name]!;
  const client = await openSeat(endpoint, await requestSeat(endpoint, "joinById", code, attack.options?.(random) ?? { name: "Fuzzer" }));
  if (!attack.beforeJoin) client.completeJoin();
  for (const frame of attack.frames(random)) {
    if (process.env.FUZZ_TRACE) process.stdout.write(`FRAME ${Buffer.from(frame.subarray(0, 80)).toString("hex")}\n`);
    client.send(frame);
    // Now and then the rest of the process gets a turn, as between a real client's frames.
    if (random.next() < 0.05) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  for (let i = attack.pings?.(random) ?? 0; i > 0 && client.socket.readyState === client.socket.OPEN; i--) client.socket.ping();
  // Whatever the attack left standing, an unknown message type ends the session.
  client.send(roomMessage("nope"));
  const closed = await within(client.closed, 3000);
  if (closed === "timed out") client.socket.terminate();
  return closed === "timed out" ? { attack: name, closedBy: null, reasonBytes: 0 } : { attack: name, closedBy: closed.code, reasonBytes: closed.reasonBytes };
}
