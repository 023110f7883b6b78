// Where a ship is drawn between two samples of it (two ticks of a replay, two
// patches of a killcam): slid from one to the other, unless it moved so far that
// it must have respawned, when it is drawn where it is.

/** A ship that moved farther than this a tick respawned: it is drawn where it is, not slid there. */
const RESPAWN_STEP_PX = 120;

interface Point {
  x: number;
  y: number;
}

/** `blend` of the way from `from` to `to`, samples `ticks` apart; null if the ship jumped between them. */
export function glide(from: Point, to: Point, blend: number, ticks = 1): Point | null {
  if (Math.abs(to.x - from.x) + Math.abs(to.y - from.y) >= RESPAWN_STEP_PX * ticks) return null;
  return { x: from.x + (to.x - from.x) * blend, y: from.y + (to.y - from.y) * blend };
}
