// Headless players for tests and measurements: a frame loop that drives a
// connection as the game does, and a pilot that plays like a person with a mouse
// (heads for the nearest ship, keeps its aim on it so the aim moves every step,
// fires, weaves and dashes now and then).
import type { ArenaConnection } from "../../game/net/ArenaConnection.ts";
import { AIM_AXIS_MAX, MOVE_AXIS_MAX } from "../../shared/constants.ts";
import { sameTeam } from "../../shared/modes/teams.ts";
import { NO_CONTROLS, type ShipControls } from "../../shared/step.ts";

export function hunter(player: ArenaConnection): (now: number) => ShipControls {
  return (now) => {
    const own = player.predictedShip;
    const team = player.state.ships.get(player.sessionId)?.team ?? 0;
    let target: { x: number; y: number } | null = null;
    let best = Infinity;
    for (const [id, ship] of player.state.ships) {
      // Enemies only: in a team mode a teammate is let be.
      if (id === player.sessionId || !ship.alive || !own || sameTeam(ship, { team })) continue;
      const d = (ship.x - own.x) ** 2 + (ship.y - own.y) ** 2;
      if (d < best) [best, target] = [d, ship];
    }
    if (!own || !target) return { ...NO_CONTROLS };
    const dx = target.x - own.x;
    const dy = target.y - own.y;
    const scale = AIM_AXIS_MAX / Math.max(Math.abs(dx), Math.abs(dy), 1);
    const weave = Math.sin(now / 400) > 0 ? 1 : -1;
    return {
      moveX: Math.round(Math.sign(dx) * MOVE_AXIS_MAX * (best > 300 ** 2 ? 1 : 0.3)),
      moveY: weave * MOVE_AXIS_MAX,
      aimX: Math.round(dx * scale),
      aimY: Math.round(dy * scale),
      fire: true,
      dash: Math.sin(now / 900) > 0.97,
    };
  };
}

const FRAME_MS = 1000 / 60;

/**
 * Calls connection.update every frame with the controls `decide` returns; returns a
 * stop function. Like the game, it decides before the frame's inputs go out, so no
 * predicted value is read between predict.tick() and the sends.
 */
export function runFrames(connection: ArenaConnection, decide: (now: number) => ShipControls = () => NO_CONTROLS): () => void {
  // A trigger pull waits for the next step, as a click does in the game: frames
  // outnumber steps, and a frame with no step due must not swallow a shot.
  let firing = false;
  const timer = setInterval(() => {
    const now = performance.now();
    const controls = decide(now);
    firing ||= controls.fire;
    connection.update(now, () => {
      const step = { ...controls, fire: firing };
      firing = false;
      return step;
    });
  }, FRAME_MS);
  return () => clearInterval(timer);
}
