// Where each hull points, as everyone else draws it: a ship's aim is the rules'
// own and not sent; its heading follows it on the wire once it has turned by more
// than HEADING_TOLERANCE. A mouse moves the aim a little almost every step, and
// sending each turn cost a byte or two a ship in every patch; clients ease the
// hull to each new heading, and bullets fly from their shots, exactly, whatever
// the hull shows.
import { angleBetween } from "../shared/geometry.ts";
import type { Ship } from "../shared/schema.ts";

/** How far the drawn hull may lag the aim, radians: three steps of the wire's 256, some 4°. */
export const HEADING_TOLERANCE = (2 * Math.PI * 3) / 256;

/**
 * After each tick: each ship in play whose aim has turned past the tolerance sends its
 * new heading. A knocked-out ship is not drawn, and its player's aim still moves: its
 * heading waits, and follows in the tick it comes back.
 */
export function updateHeadings(ships: Iterable<Ship>): void {
  for (const ship of ships) if (ship.alive && Math.abs(angleBetween(ship.heading, ship.aim)) > HEADING_TOLERANCE) ship.heading = ship.aim;
}
