// The round trip the scoreboard shows for a player. Clients measure it every second,
// and on a steady link it wobbles by a millisecond or two each time: sent as it was,
// every wobble cost every client 3 bytes or more a second per player, to show a
// number nobody reads to the millisecond. It moves when it changes by what a player
// would notice.

/** A measured round trip replaces the shown one once it differs by this many ms… */
const PING_STEP_MS = 5;
/** …or, on a longer round trip, by this share of it. */
const PING_STEP_SHARE = 0.1;

/**
 * What the scoreboard shows after a new measurement: the new round trip, or the shown
 * one if it is within a step of it. Nothing is shown before the first (0).
 */
export function shownPing(shown: number, measured: number): number {
  if (shown === 0) return measured;
  return Math.abs(measured - shown) < Math.max(PING_STEP_MS, shown * PING_STEP_SHARE) ? shown : measured;
}
