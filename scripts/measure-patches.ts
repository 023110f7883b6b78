// `npm run measure:patches`: what the state costs on the wire, exactly. A scripted
// 16-ship fight (bots, through the same rules as the room) is stepped without
// sockets, and the patch a client would receive is encoded at the patch rate.
// Byte counts are deterministic: the same run gives the same figures every time.
import { Encoder } from "@colyseus/schema";
import { botControls, botName } from "../shared/bots.ts";
import { PATCH_RATE, TICK_RATE } from "../shared/constants.ts";
import { ArenaState, Bullet, Pickup, Ship } from "../shared/schema.ts";
import { addShip, advanceWorld, applyControls, DEFAULT_RULES, startWorld, type EntityFactory, type WorldEvent } from "../shared/world.ts";

const SHIPS = 16;
const SECONDS = 30;
const dt = 1 / TICK_RATE;
const ticksPerPatch = TICK_RATE / PATCH_RATE;
const factory: EntityFactory = { ship: () => new Ship(), bullet: () => new Bullet(), pickup: () => new Pickup() };

const state = new ArenaState();
startWorld(state, factory, dt, DEFAULT_RULES);
for (let i = 0; i < SHIPS; i++) addShip(state, `bot-${i}`, { name: botName(i), hue: i % 8, bot: true }, factory, dt);
const encoder = new Encoder(state);
encoder.encodeAll();
encoder.discardChanges();

let patches = 0;
let bytes = 0;
let movingShipPatches = 0;
const last = new Map<string, { x: number; y: number }>();
for (let tick = 1; tick <= SECONDS * TICK_RATE; tick++) {
  const events: WorldEvent[] = [];
  for (const id of state.ships.keys()) applyControls(state, id, botControls(state, id, dt), factory, dt, events);
  advanceWorld(state, factory, dt, events);
  if (tick % ticksPerPatch !== 0) continue;
  for (const [id, ship] of state.ships.entries()) {
    const before = last.get(id);
    if (before && (before.x !== ship.x || before.y !== ship.y)) movingShipPatches++;
    last.set(id, { x: ship.x, y: ship.y });
  }
  bytes += encoder.encode().byteLength;
  encoder.discardChanges();
  patches++;
}

const movingPerPatch = movingShipPatches / patches;
console.log(
  JSON.stringify(
    {
      ships: SHIPS,
      seconds: SECONDS,
      patchRate: PATCH_RATE,
      bytesPerClientPerSecond: Math.round(bytes / SECONDS),
      bytesPerPatch: Math.round((bytes / patches) * 10) / 10,
      movingShipsPerPatch: Math.round(movingPerPatch * 10) / 10,
      bytesPerMovingShipPerPatch: Math.round((bytes / patches / movingPerPatch) * 10) / 10,
    },
    null,
    2,
  ),
);
