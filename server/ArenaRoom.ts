import { Room, type Client } from "colyseus";
import { farthestSpawn, LAYOUTS, type ArenaLayout } from "../shared/arena.ts";
import { INPUT_BUFFER_SIZE, MAX_CATCH_UP_STEPS, MOVE_AXIS_MAX } from "../shared/constants.ts";
import { cleanName } from "../shared/names.ts";
import { ArenaState, Ship, ShipInput } from "../shared/schema.ts";
import { stepShip } from "../shared/step.ts";

export interface ArenaRoomOptions {
  tickRate: number;
  patchRate: number;
  maxPlayers: number;
}

export interface JoinOptions {
  name?: unknown;
}

const PALETTE_SIZE = 8;

export class ArenaRoom extends Room<{ state: ArenaState; input: ShipInput }> {
  override state = new ArenaState();

  override inputs = this.defineInput(ShipInput, {
    bufferMaxSize: INPUT_BUFFER_SIZE,
    sanitize: { moveX: [-MOVE_AXIS_MAX, MOVE_AXIS_MAX], moveY: [-MOVE_AXIS_MAX, MOVE_AXIS_MAX] },
  });

  private layout: ArenaLayout = LAYOUTS[0]!;
  /** Steps each client may still take this tick; see MAX_CATCH_UP_STEPS. */
  private stepAllowance = new Map<string, number>();
  private joinCount = 0;

  override onCreate(options: ArenaRoomOptions): void {
    this.maxClients = options.maxPlayers;
    this.patchRate = 1000 / options.patchRate;
    this.state.layout = this.layout.name;
    this.setFixedTimestep((ctx) => this.step(ctx.dt), options.tickRate);
  }

  override onJoin(client: Client, options?: JoinOptions): void {
    this.joinCount++;
    const others = [...this.state.ships.values()];
    const spawn = farthestSpawn(this.layout, others);
    const ship = new Ship();
    ship.x = spawn.x;
    ship.y = spawn.y;
    ship.name = cleanName(options?.name) || `Pilot ${this.joinCount}`;
    ship.hue = (this.joinCount - 1) % PALETTE_SIZE;
    this.state.ships.set(client.sessionId, ship);
    this.stepAllowance.set(client.sessionId, 0);
  }

  override onLeave(client: Client): void {
    this.state.ships.delete(client.sessionId);
    this.stepAllowance.delete(client.sessionId);
  }

  private step(dt: number): void {
    for (const [sessionId, ship] of this.state.ships) {
      // One step per tick, with a little banked for inputs that arrive in a burst
      // after a stall, so a client cannot move faster by sending faster.
      let allowance = Math.min((this.stepAllowance.get(sessionId) ?? 0) + 1, MAX_CATCH_UP_STEPS);
      for (const input of this.inputs.get(sessionId)) {
        stepShip(ship, input, this.layout, dt);
        if (--allowance === 0) break;
      }
      this.stepAllowance.set(sessionId, allowance);
    }
  }
}
