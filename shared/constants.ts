// The match's tunables, and the limits both sides must agree on, live here, so
// tuning the game is one file. Presentation (sizes of HUD parts, colours) stays
// with the client module that draws it, and server-only limits with the server
// module that enforces them. Durations are in seconds; the rules convert them to
// whole ticks of the fixed step.

/** Fixed simulation rate. One input from each client drives one step of its ship. */
export const TICK_RATE = 30;
/** State patches per second sent to each client. */
export const PATCH_RATE = 20;
/** Remote ships are drawn this far in the past, so two patches bracket every frame. */
export const INTERPOLATION_DELAY_MS = 100;
/**
 * How far back the server may rewind ships to judge a hit where the shooter saw
 * them. A shooter sees ships INTERPOLATION_DELAY_MS plus half a round trip in the
 * past, and its shot reaches the server another half round trip later, so the
 * rewind needed is about one round trip plus the interpolation delay plus a patch
 * interval of queueing: 450 ms covers round trips up to 300 ms. A shooter lagging
 * more than that misses targets that have since moved, rather than hitting them
 * around corners.
 */
export const MAX_REWIND_MS = 450;

export const MAX_PLAYERS = 16;
/** Seats beyond MAX_PLAYERS for scoreboard pages watching a room. */
export const SPECTATOR_SLOTS = 4;
/** Rooms one address may create per minute (across every process that shares Redis), so nobody can flood the server with rooms. */
export const ROOM_CREATES_PER_MINUTE = 10;
/** Scoreboard API lookups one address may make per minute: plenty for a page polling every second, too few to probe private room codes. */
export const SCOREBOARD_LOOKUPS_PER_MINUTE = 120;
/** A player idle this long before the room's idle time runs out is warned (seconds). */
export const IDLE_WARNING_SECONDS = 15;
/** How long a player may change nothing before being moved to watching, seconds (IDLE_SECONDS; 0: never). */
export const IDLE_SECONDS = 60;
/** The shortest idle time a host may set: the warning must fit in it. */
export const IDLE_SECONDS_MIN = 20;
/** How long a dropped player's ship, score and seat are held for them, seconds. */
export const RECONNECT_SECONDS = 30;
/** While fewer humans than this are in a room, bots fill it up to this many ships. */
export const DEFAULT_BOTS = 3;
export const NAME_MAX_LENGTH = 16;
/** How many ship colours there are: one for each ship a room can hold (the client's palette has one for each). */
export const SHIP_HUES = 16;

/** Inputs a client may have queued on the server; older ones are dropped past this. */
export const INPUT_BUFFER_SIZE = 8;
/**
 * Steps a client may catch up in one tick after its inputs arrived late.
 * Also the cap that stops a client from moving faster by sending inputs faster.
 */
export const MAX_CATCH_UP_STEPS = 3;

/** Logical size of the arena in world pixels; the canvas scales it to the window. */
export const ARENA_WIDTH = 1280;
export const ARENA_HEIGHT = 720;

// Ships
export const SHIP_RADIUS = 16;
/** Thrust acceleration at full stick, px/s². */
export const SHIP_ACCELERATION = 1400;
/** Linear drag per second: speed loses this fraction of itself each second. */
export const SHIP_FRICTION = 4;
export const SHIP_MAX_SPEED = 320;
/**
 * Positions and velocities are kept on a 1/32 px grid. A 16-bit wire value holds
 * every grid point up to 2048 px exactly, so the wire never rounds what the client
 * predicted, and a position costs 2 bytes instead of a float's 4.
 */
export const POSITION_GRID = 32;
/** A single movement sub-step never moves a ship further than this, so fast ships cannot cross a wall. */
export const MAX_MOVE_PER_SUBSTEP = 8;
export const SHIP_HEALTH = 100;

// Dash: a short burst in the move direction (or the aim direction when standing still).
export const DASH_SPEED = 880;
export const DASH_DURATION = 0.12;
export const DASH_COOLDOWN = 1.6;

// Guns
export const FIRE_INTERVAL = 0.2;
export const RAPID_FIRE_INTERVAL = 0.1;
export const BULLET_SPEED = 900;
export const BULLET_LIFETIME = 0.85;
export const BULLET_RADIUS = 4;
export const BULLET_DAMAGE = 20;
/** How far back a killcam starts: the seconds before a knock-out that a knocked-out player watches. */
export const KILLCAM_SECONDS = 3;
/** Speed a hit adds to the target, away from the shooter, px/s. */
export const HIT_KNOCKBACK = 160;

// Knock-outs and respawns
export const RESPAWN_DELAY = 2.5;
export const SPAWN_SHIELD = 2;

// Pickups
export const PICKUP_RADIUS = 14;
export const PICKUP_RESPAWN = 12;
export const HEAL_AMOUNT = 40;
export const SPEED_BOOST_DURATION = 6;
export const SPEED_BOOST_FACTOR = 1.35;
export const RAPID_FIRE_DURATION = 6;
export const SHIELD_PICKUP_DURATION = 4;

// Rounds
export const ROUND_DURATION = 180;
export const KO_TARGET = 15;
/** King of the Hill: points (seconds the hill is held alone) that win a round. */
export const HOLD_TARGET = 60;
export const RESULTS_DURATION = 6;

// Bots
/** Distance a bot likes to keep from its target while circling it, px. */
export const BOT_PREFERRED_RANGE = 260;
/** A bot opens fire inside this distance (a bullet flies BULLET_SPEED × BULLET_LIFETIME ≈ 765 px). */
export const BOT_FIRE_RANGE = 650;
/** How far ahead a bot looks for walls to steer around, px. */
export const BOT_WALL_LOOKAHEAD = 70;
/** Aim error, as a fraction of the distance to the target, each way: about ±7°, so bots miss often but not always. */
export const BOT_AIM_ERROR = 0.12;
/** Seconds between a bot's changes of strafing direction, and of wandering goal. */
export const BOT_STRAFE_PERIOD = 1.3;
export const BOT_WANDER_PERIOD = 3;

/** Full deflection of the movement stick on the wire (an int8 axis). */
export const MOVE_AXIS_MAX = 100;
/** Largest aim offset on the wire (an int16 axis); the step only uses its direction. */
export const AIM_AXIS_MAX = 32767;
