// How a bot decides its controls. It only produces the same ShipControls a human
// sends; the room applies them through the same step. Choices that should look
// random are seeded from the tick and the bot, so a replay behaves the same.
import {
  AIM_AXIS_MAX,
  BOT_AIM_ERROR,
  BOT_FIRE_RANGE,
  BOT_PREFERRED_RANGE,
  BOT_STRAFE_PERIOD,
  BOT_WALL_LOOKAHEAD,
  BOT_WANDER_PERIOD,
  BULLET_SPEED,
  MOVE_AXIS_MAX,
  SHIP_HEALTH,
  SHIP_RADIUS,
} from "./constants.ts";
import { distanceSquared, hasLineOfSight, segmentEntersRect } from "./geometry.ts";
import { seededRandom } from "./random.ts";
import { ticks, type ShipControls } from "./step.ts";
import { onHill } from "./modes/koth.ts";
import { modeOf } from "./modes/index.ts";
import { layoutOf, type ShipState, type WorldState } from "./world.ts";

export const BOT_NAMES = ["Vega", "Orion", "Nova", "Rigel", "Lyra", "Atlas", "Castor", "Draco", "Sirius", "Altair", "Deneb", "Mira", "Izar", "Naos", "Spica"];

/** A bot is called "Bot <star>", so players can tell it apart from a person. */
export function botName(index: number): string {
  return `Bot ${BOT_NAMES[index % BOT_NAMES.length]}`;
}

/** How many bots a room wants alongside `humans` players. */
export function botsWanted(humans: number, fillTo: number): number {
  return Math.max(0, fillTo - humans);
}

export function botControls(world: WorldState, id: string, dt: number): ShipControls {
  const me = world.ships.get(id);
  const controls: ShipControls = { moveX: 0, moveY: 0, aimX: 0, aimY: 0, fire: false, dash: false };
  if (!me?.alive) return controls;
  const layout = layoutOf(world);
  const strafePeriod = ticks(BOT_STRAFE_PERIOD, dt);
  const wanderPeriod = ticks(BOT_WANDER_PERIOD, dt);
  const random = (salt: number, period = 1) => seededRandom(Math.floor(world.tick / period), id, salt);

  const target = nearestEnemy(world, id, me);
  const visible = target !== null && hasLineOfSight(layout.walls, me.x, me.y, target.x, target.y);
  let goalX: number;
  let goalY: number;

  const heal = me.health <= SHIP_HEALTH / 2 ? nearestReadyPickup(world, me, "heal") : null;
  // The mode's goal (a hill to take) comes before a fight, until the bot is well inside it.
  const goal = modeOf(world).botGoal(world, me);
  if (heal) {
    goalX = heal.x - me.x;
    goalY = heal.y - me.y;
  } else if (goal && !onHill({ ...goal, radius: goal.radius * 0.7 }, me)) {
    goalX = goal.x - me.x;
    goalY = goal.y - me.y;
  } else if (target && visible) {
    // Close to a comfortable range, then circle the target.
    const dx = target.x - me.x;
    const dy = target.y - me.y;
    const distance = Math.sqrt(dx * dx + dy * dy) || 1;
    const approach = distance > BOT_PREFERRED_RANGE + 60 ? 1 : distance < BOT_PREFERRED_RANGE - 60 ? -1 : 0;
    const strafe = random(1, strafePeriod) < 0.5 ? 1 : -1;
    goalX = (dx / distance) * approach - (dy / distance) * strafe * 0.8;
    goalY = (dy / distance) * approach + (dx / distance) * strafe * 0.8;
  } else {
    const waypointX = SHIP_RADIUS * 3 + random(2, wanderPeriod) * (layout.width - SHIP_RADIUS * 6);
    const waypointY = SHIP_RADIUS * 3 + random(3, wanderPeriod) * (layout.height - SHIP_RADIUS * 6);
    goalX = (target?.x ?? waypointX) - me.x;
    goalY = (target?.y ?? waypointY) - me.y;
  }
  const [moveX, moveY] = steerAroundWalls(world, me, goalX, goalY, random(4, strafePeriod) < 0.5);
  controls.moveX = moveX;
  controls.moveY = moveY;

  if (target && visible) {
    const dx = target.x - me.x;
    const dy = target.y - me.y;
    const distance = Math.sqrt(dx * dx + dy * dy);
    // Lead the target by its velocity, then miss by a seeded amount across the line of fire.
    const lead = distance / BULLET_SPEED;
    const error = (random(5) * 2 - 1) * BOT_AIM_ERROR;
    const aimX = dx + target.vx * lead - dy * error;
    const aimY = dy + target.vy * lead + dx * error;
    const scale = AIM_AXIS_MAX / Math.max(Math.abs(aimX), Math.abs(aimY), 1);
    controls.aimX = Math.round(aimX * scale);
    controls.aimY = Math.round(aimY * scale);
    controls.fire = distance < BOT_FIRE_RANGE;
    controls.dash = me.health < SHIP_HEALTH && distance < BOT_PREFERRED_RANGE && random(6) < 0.03;
  }
  return controls;
}

/** The nearest ship in play that the bot's bullets hurt (never a teammate). */
function nearestEnemy(world: WorldState, id: string, me: ShipState): ShipState | null {
  const mode = modeOf(world);
  let best: ShipState | null = null;
  let bestDistance = Infinity;
  for (const [otherId, other] of world.ships.entries()) {
    if (otherId === id || !other.alive || other.away || !mode.hurts(me, other)) continue;
    const d = distanceSquared(me.x, me.y, other.x, other.y);
    if (d < bestDistance) {
      bestDistance = d;
      best = other;
    }
  }
  return best;
}

function nearestReadyPickup(world: WorldState, me: ShipState, kind: string): { x: number; y: number } | null {
  let best: { x: number; y: number } | null = null;
  let bestDistance = Infinity;
  for (const pickup of world.pickups.values()) {
    if (pickup.kind !== kind || world.tick < pickup.readyTick) continue;
    const d = distanceSquared(me.x, me.y, pickup.x, pickup.y);
    if (d < bestDistance) {
      bestDistance = d;
      best = pickup;
    }
  }
  return best;
}

/** The goal direction as stick values, turned aside while a wall is right ahead. */
function steerAroundWalls(world: WorldState, me: ShipState, goalX: number, goalY: number, turnLeft: boolean): [number, number] {
  const length = Math.sqrt(goalX * goalX + goalY * goalY);
  if (length === 0) return [0, 0];
  let dx = goalX / length;
  let dy = goalY / length;
  const walls = layoutOf(world).walls;
  for (let attempt = 0; attempt < 3; attempt++) {
    const aheadX = me.x + dx * BOT_WALL_LOOKAHEAD;
    const aheadY = me.y + dy * BOT_WALL_LOOKAHEAD;
    const blocked = walls.some((wall) => segmentEntersRect(me.x, me.y, aheadX, aheadY, wall, SHIP_RADIUS) !== null);
    if (!blocked) break;
    [dx, dy] = turnLeft ? [dy, -dx] : [-dy, dx];
  }
  return [Math.round(dx * MOVE_AXIS_MAX), Math.round(dy * MOVE_AXIS_MAX)];
}
