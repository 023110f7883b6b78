// Every tunable of the game lives here, so tuning is one file and both sides agree.

/** Fixed simulation rate. One input from each client drives one step. */
export const TICK_RATE = 30;
/** State patches per second sent to each client. */
export const PATCH_RATE = 20;
/** Remote ships are drawn this far in the past, so two patches bracket every frame. */
export const INTERPOLATION_DELAY_MS = 100;

export const MAX_PLAYERS = 16;
export const NAME_MAX_LENGTH = 16;

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

export const SHIP_RADIUS = 16;
/** Thrust acceleration at full stick, px/s². */
export const SHIP_ACCELERATION = 1400;
/** Linear drag per second: speed loses this fraction of itself each second. */
export const SHIP_FRICTION = 4;
export const SHIP_MAX_SPEED = 320;
/**
 * Positions and velocities are kept on a 1/64 px grid, which float32 holds exactly
 * at arena scale, so the wire never rounds what the client predicted.
 */
export const POSITION_GRID = 64;

/** Full deflection of the movement stick on the wire (an int8 axis). */
export const MOVE_AXIS_MAX = 100;
