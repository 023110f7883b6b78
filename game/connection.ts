// Joining the arena and wiring the SDK's netcode: the input handle, the
// reconciler that predicts our own ship, and interpolation for everyone else.
import { Callbacks, Client, Predict, type InputHandle, type Reconciler, type Room } from "@colyseus/sdk";
import { layoutByName, type ArenaLayout } from "../shared/arena.ts";
import { INTERPOLATION_DELAY_MS } from "../shared/constants.ts";
import { ArenaState, type Ship, ShipInput } from "../shared/schema.ts";
import { stepShip, type ShipBody, type ShipControls } from "../shared/step.ts";

/** Ship fields the reconciler predicts and adopts from the server; `name` and `hue` never change in flight. */
const PREDICTED_FIELDS = ["x", "y", "vx", "vy"] as const;
/**
 * A reconcile that moves our ship by more than this (px) is reported as a
 * divergence in the console. Setting it also turns on the SDK's correction telemetry.
 */
const DIVERGENCE_WARNING_PX = 1;
/** How often the HUD's ping is measured with a WebSocket round trip. */
const PING_INTERVAL_MS = 2000;

export interface ShipView {
  id: string;
  name: string;
  hue: number;
  own: boolean;
  x: number;
  y: number;
  vx: number;
  vy: number;
}

export class ArenaConnection {
  readonly room: Room<any, ArenaState>;
  readonly layout: ArenaLayout;
  private readonly predict: Predict<ArenaState>;
  private readonly input: InputHandle<ShipInput>;
  private reconciler: Reconciler<Ship> | null = null;
  /** Reconciles that had to correct our predicted ship. */
  corrections = 0;
  /** Last measured network round trip in ms; null before the first. */
  pingMs: number | null = null;

  private constructor(room: Room<any, ArenaState>) {
    this.room = room;
    this.layout = layoutByName(room.state.layout);
    this.input = room.input({ type: ShipInput, mode: "reliable" });
    this.predict = Predict.get(room, { mode: "lerp", delay: INTERPOLATION_DELAY_MS });
    this.predict.attachAll("ships", { mode: "lerp", fields: ["x", "y", "vx", "vy"] });

    // room.clock's RTT runs from an input to its acknowledgement, so it includes the
    // wait for the next tick and patch; a ping measures the network alone.
    const measurePing = () => room.ping((ms) => (this.pingMs = ms));
    measurePing();
    const pinger = setInterval(measurePing, PING_INTERVAL_MS);
    room.onLeave(() => clearInterval(pinger));

    // onAdd also fires for ships already in the state, ours included.
    Callbacks.get(room).onAdd("ships", (ship, sessionId) => {
      if (sessionId === room.sessionId) this.predictOwnShip(ship);
    });
  }

  private predictOwnShip(ship: Ship): void {
    const reconciler = this.predict.reconciler(ship, {
      input: this.input,
      fields: PREDICTED_FIELDS,
      step: (ctx, state, command) => stepShip(state, command, this.layout, ctx.dt),
      warnOnDivergence: DIVERGENCE_WARNING_PX,
      onReconcile: () => {
        if (reconciler.lastCorrectionMag > 0) this.corrections++;
      },
    });
    this.reconciler = reconciler;
  }

  /** Joins (or creates) an arena room on the server at `endpoint` (an http(s) or ws(s) URL). */
  static async join(endpoint: string, name: string): Promise<ArenaConnection> {
    const client = new Client(endpoint);
    const room = await client.joinOrCreate("arena", { name }, ArenaState);
    // The full state follows the join handshake; the layout and our ship are in it.
    await new Promise<void>((resolve, reject) => {
      room.onStateChange.once(() => resolve());
      room.onLeave.once((code) => reject(new Error(`The server closed the room (code ${code})`)));
    });
    return new ArenaConnection(room);
  }

  get sessionId(): string {
    return this.room.sessionId;
  }

  /** Our ship as predicted, before render smoothing; null until the server has spawned it. */
  get predictedShip(): Readonly<ShipBody> | null {
    return this.reconciler?.state ?? null;
  }

  /** Inputs sent that the server has not yet applied. */
  get pendingInputs(): number {
    return this.reconciler?.pendingCount ?? 0;
  }

  /**
   * Advances prediction to `now` and sends one input for every fixed step that
   * fell due, as the reconciler expects. Call once per rendered frame.
   */
  update(now: number, controls: ShipControls): void {
    const steps = this.predict.tick(now);
    for (let i = 0; i < steps; i++) {
      this.input.data.moveX = controls.moveX;
      this.input.data.moveY = controls.moveY;
      this.input.send();
    }
  }

  /** Every ship as it should be drawn this frame: ours predicted, others interpolated. */
  ships(): ShipView[] {
    const views: ShipView[] = [];
    this.room.state.ships.forEach((ship, id) => {
      views.push({
        id,
        name: ship.name,
        hue: ship.hue,
        own: id === this.room.sessionId,
        x: this.predict.value(ship, "x"),
        y: this.predict.value(ship, "y"),
        vx: this.predict.value(ship, "vx"),
        vy: this.predict.value(ship, "vy"),
      });
    });
    return views;
  }
}
