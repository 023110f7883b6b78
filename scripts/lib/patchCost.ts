// What the state costs on the wire, exactly. A scripted fight (bots, through the
// same rules and schema as the room) is stepped without sockets, and at the patch
// rate the patch one player's client would receive is encoded, as the room does:
// the shared changes plus that player's own view. Then the real decoder reads each
// patch back and every byte is put down to what it carried. Byte counts are
// deterministic: the same fight gives the same figures every time.
import { getMessageBytes, Protocol } from "@colyseus/core";
import { $decoder, Decoder, Encoder, MapSchema, Schema, StateView } from "@colyseus/schema";
import { botControls, botName } from "../../shared/bots.ts";
import { PATCH_RATE, SHIP_HUES, TICK_RATE } from "../../shared/constants.ts";
import { PooledEntities } from "../../server/EntityPool.ts";
import { ScoreFeed } from "../../server/ScoreFeed.ts";
import { updateHeadings } from "../../server/Headings.ts";
import { ShotWire } from "../../server/ShotWire.ts";
import { tickLeadsNextPatch } from "../../server/patchOrder.ts";
import type { ModeName } from "../../shared/modes/index.ts";
import { ArenaState, OWNER_VIEW, Ship } from "../../shared/schema.ts";
import { addShip, advanceWorld, applyControls, DEFAULT_RULES, startWorld, type WorldEvent } from "../../shared/world.ts";

export interface FightScript {
  /** Ships in the fight once everyone has joined. */
  ships: number;
  /** Ships there from the start; the rest join one a second, while bullets fly. */
  shipsAtStart: number;
  /** Seconds measured, after the last ship has joined. */
  seconds: number;
  /** The mode fought in (free-for-all unless given): in a team mode ships carry a team, and King of the Hill a hill. */
  mode?: ModeName;
}

export interface PatchCost {
  ships: number;
  seconds: number;
  patchRate: number;
  patches: number;
  /** Everything one client receives, per second: its patches and the room's messages. */
  bytesPerClientPerSecond: number;
  /** What one client receives in state patches, per second. */
  patchBytesPerClientPerSecond: number;
  /** What one client receives in messages, per second: every knock-out is told to everyone. */
  messageBytesPerClientPerSecond: number;
  /** Knock-outs a second. */
  kosPerSecond: number;
  bytesPerPatch: number;
  movingShipsPerPatch: number;
  /** Bullets fired per patch interval. */
  shotsPerPatch: number;
  /**
   * What telling a client that a ship moved costs: switching the patch to that ship
   * plus its new x and y, per ship that moved.
   */
  bytesPerMovingShipPerPatch: number;
  /** Where each patch's bytes went, on average. */
  perPatch: {
    /** Switches to ships that moved, and their x and y. */
    shipMotion: number;
    /** Heading, health, scores and the rest; the own ship's velocity and cooldowns. */
    shipOther: number;
    /** The ships' shots, from which clients draw the bullets (server/ShotWire.ts). */
    bullets: number;
    /** The round clock, pickups, the patch's protocol byte and its timing (PATCH_TIMING_BYTES). */
    other: number;
  };
}

/**
 * What the framework puts before each patch it sends, after the protocol byte, to a
 * room with fixed-step inputs: the room's clock and the last input it processed from
 * that client (uint32 each), from which the client's prediction replays the rest
 * (@colyseus/core's SchemaSerializer, "TIMED"). Encoded here without it, it is added.
 */
export const PATCH_TIMING_BYTES = 8;

type Category = keyof PatchCost["perPatch"];
type DecodeOperation = (typeof Schema)[typeof $decoder];

/** Steps the scripted fight and accounts for every byte of the patches and messages one client receives. */
export function measurePatchCost(script: FightScript): PatchCost {
  const dt = 1 / TICK_RATE;
  // Patches go out on their own clock: 20 a second against 30 ticks, one after each tick that crosses a patch time.
  const patchDue = (tick: number) => Math.floor((tick * PATCH_RATE) / TICK_RATE) > Math.floor(((tick - 1) * PATCH_RATE) / TICK_RATE);
  const state = new ArenaState();
  // As in the room: the encoder is bound before anything is added, and ships and bullets come from its pools.
  const encoder = new Encoder(state);
  const factory = new PooledEntities();
  const shotWire = new ShotWire(state);
  factory.reserveShips(script.ships, state.ships);
  startWorld(state, factory, dt, { ...DEFAULT_RULES, mode: script.mode ?? "ffa", roundSeconds: 3600, koTarget: 10_000, holdTarget: 10_000 });
  const join = (index: number) => addShip(state, playerId(index), { name: botName(index), hue: index % SHIP_HUES, bot: true }, factory, dt);
  for (let i = 0; i < script.shipsAtStart; i++) join(i);

  // The client is the player of the first ship: its view holds that ship's own fields.
  const view = new StateView();
  view.add(state.ships.get(playerId(0))!, OWNER_VIEW);
  const client = new Decoder(new ArenaState());
  client.decode(encodeFull(encoder, view));
  encoder.discardChanges();

  const joinTicks = (script.ships - script.shipsAtStart) * TICK_RATE;
  const totalTicks = joinTicks + script.seconds * TICK_RATE;
  const bytes: Record<Category, number> = { shipMotion: 0, shipOther: 0, bullets: 0, other: 0 };
  let patches = 0;
  let movingShips = 0;
  let shots = 0;
  // The room's messages, framed as the framework sends them: a knock-out goes to everyone.
  const scores = new ScoreFeed(state);
  let messageBytes = 0;
  let kos = 0;
  for (let tick = 1; tick <= totalTicks; tick++) {
    if (tick <= joinTicks && tick % TICK_RATE === 0) join(state.ships.size);
    const events: WorldEvent[] = [];
    for (const id of state.ships.keys()) applyControls(state, id, botControls(state, id, dt), factory, dt, events);
    for (const event of events) if (event.type === "shot") shotWire.fired(event.shooter, event.bullet);
    advanceWorld(state, factory, dt, events);
    shotWire.endTick(events);
    updateHeadings(state.ships.values());
    if (tick > joinTicks) {
      shots += events.filter((event) => event.type === "shot").length;
      for (const event of events) {
        if (event.type !== "ko") continue;
        // A fixed wall-clock time (this many digits), so the bytes are the same on every run.
        messageBytes += getMessageBytes.raw(Protocol.ROOM_DATA, "ko", scores.ko(event.killer, event.victim, 1_780_000_000_000 + tick)).length;
        kos++;
      }
    }
    if (!patchDue(tick)) continue;
    const patch = encodePatch(encoder, view);
    encoder.discardChanges();
    shotWire.patchSent();
    tickLeadsNextPatch(state);
    if (tick <= joinTicks) {
      client.decode(patch, { offset: 1 });
      continue;
    }
    const cost = accountPatch(client, patch);
    for (const category of Object.keys(bytes) as Category[]) bytes[category] += cost.bytes[category];
    movingShips += cost.movingShips;
    patches++;
  }

  const total = bytes.shipMotion + bytes.shipOther + bytes.bullets + bytes.other;
  const round = (value: number) => Math.round(value * 10) / 10;
  // Everything is the sum of its two parts as printed, each rounded to the byte.
  const patchBytesPerClientPerSecond = Math.round(total / script.seconds);
  const messageBytesPerClientPerSecond = Math.round(messageBytes / script.seconds);
  return {
    ships: script.ships,
    seconds: script.seconds,
    patchRate: PATCH_RATE,
    patches,
    bytesPerClientPerSecond: patchBytesPerClientPerSecond + messageBytesPerClientPerSecond,
    patchBytesPerClientPerSecond,
    messageBytesPerClientPerSecond,
    kosPerSecond: round(kos / script.seconds),
    bytesPerPatch: round(total / patches),
    movingShipsPerPatch: round(movingShips / patches),
    shotsPerPatch: round(shots / patches),
    bytesPerMovingShipPerPatch: round(bytes.shipMotion / movingShips),
    perPatch: {
      shipMotion: round(bytes.shipMotion / patches),
      shipOther: round(bytes.shipOther / patches),
      bullets: round(bytes.bullets / patches),
      other: round(bytes.other / patches),
    },
  };
}

/** Ids as long as the session ids players have, which bullets carry as their owner. */
function playerId(index: number): string {
  return `player-${String(index).padStart(2, "0")}`;
}

/** The full state a joining client receives, with its view, as the room's serializer builds it. */
function encodeFull(encoder: Encoder, view: StateView): Uint8Array {
  const it = { offset: 0 };
  encoder.encodeAll(it);
  return encoder.encodeAllView(view, it.offset, { ...it }).slice();
}

/** One patch for the client: a protocol byte, the shared changes, then its view's. */
function encodePatch(encoder: Encoder, view: StateView): Uint8Array {
  const it = { offset: 1 };
  encoder.encode(it);
  return encoder.encodeView(view, it.offset, it).slice();
}

/**
 * Decodes a patch with every decode operation timed in bytes. The bytes between
 * one operation's end and the next one's start are the switch to another
 * structure; they are put down to that structure.
 */
function accountPatch(client: Decoder, patch: Uint8Array): { bytes: Record<Category, number>; movingShips: number } {
  // Per ship structure: its switch bytes (first visit), its x/y bytes, and the rest.
  const perShip = new Map<unknown, { switchBytes: number; motion: number; other: number }>();
  const bytes: Record<Category, number> = { shipMotion: 0, shipOther: 0, bullets: 0, other: 1 + PATCH_TIMING_BYTES };
  let lastEnd = 1;
  client.triggerChanges = () => {};

  const account: (original: DecodeOperation) => DecodeOperation = (original) => (decoder, data, it, ref, allChanges) => {
    const start = it.offset;
    const before = allChanges?.length ?? 0;
    const result = original(decoder, data, it, ref, allChanges);
    const switchBytes = start - lastEnd;
    const opBytes = it.offset - start;
    lastEnd = it.offset;
    const change = allChanges && allChanges.length > before ? allChanges[allChanges.length - 1] : undefined;
    if (ref instanceof Ship) {
      let entry = perShip.get(ref);
      if (!entry) {
        entry = { switchBytes, motion: 0, other: 0 };
        perShip.set(ref, entry);
      } else entry.other += switchBytes;
      if (change?.field === "x" || change?.field === "y") entry.motion += opBytes;
      else if (change?.field?.startsWith("shot")) bytes.bullets += opBytes;
      else entry.other += opBytes;
    } else {
      bytes.other += switchBytes + opBytes;
    }
    return result;
  };

  const classes = [Schema, MapSchema] as unknown as Array<Record<symbol, DecodeOperation>>;
  const originals = classes.map((type) => type[$decoder]!);
  classes.forEach((type, i) => {
    type[$decoder] = account(originals[i]!);
  });
  try {
    client.decode(patch, { offset: 1 });
  } finally {
    classes.forEach((type, i) => {
      type[$decoder] = originals[i]!;
    });
    client.triggerChanges = undefined;
  }

  let movingShips = 0;
  for (const { switchBytes, motion, other } of perShip.values()) {
    if (motion > 0) {
      movingShips++;
      bytes.shipMotion += switchBytes + motion;
      bytes.shipOther += other;
    } else {
      bytes.shipOther += switchBytes + other;
    }
  }
  if (lastEnd !== patch.length) throw new Error(`Patch accounting missed ${patch.length - lastEnd} bytes.`);
  return { bytes, movingShips };
}
