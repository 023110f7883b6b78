// Joining the arena and wiring the SDK's netcode: the input handle, the
// reconciler that predicts our own ship, and interpolation for everyone else.
import { Callbacks, Client, Predict, type InputHandle, type Reconciler, type Room } from "@colyseus/sdk";
import { layoutByName, type ArenaLayout } from "../shared/arena.ts";
import { INTERPOLATION_DELAY_MS } from "../shared/constants.ts";
import { ArenaState, type Ship, ShipInput } from "../shared/schema.ts";
import { stepShip, type ShipBody, type ShipControls } from "../shared/step.ts";
import type { KoMessage } from "../shared/messages.ts";

/** Everything the step reads or writes: the reconciler predicts these and adopts them from the server. */
const PREDICTED_FIELDS = ["x", "y", "vx", "vy", "alive", "dashTicks", "dashCooldown", "fireCooldown", "speedTicks", "rapidTicks"] as const;
/**
 * Rolling correction size (px or px/s) past which the SDK warns in the console that
 * prediction diverges. Knock-backs from hits correct by up to about HIT_KNOCKBACK
 * now and then; a broken step would drift far more often. Setting a tolerance also
 * turns on the SDK's correction telemetry that `corrections` counts.
 */
const DIVERGENCE_WARNING_PX = 100;
/** A correction this large is a respawn, not an error: jump instead of gliding across the arena. */
const TELEPORT_PX = 120;
/** How often the ping is measured with a WebSocket round trip and reported for the scoreboard. */
const PING_INTERVAL_MS = 2000;

/** A ship as it should be drawn this frame: ours predicted, others interpolated. */
export interface ShipView {
  id: string;
  own: boolean;
  x: number;
  y: number;
  vx: number;
  vy: number;
  /** The synchronised ship, for everything that is not interpolated. */
  ship: Ship;
}

export class ArenaConnection {
  readonly room: Room<any, ArenaState>;
  private readonly predict: Predict<ArenaState>;
  private readonly input: InputHandle<ShipInput>;
  private reconciler: Reconciler<Ship> | null = null;
  /** Reconciles that had to correct our predicted ship. */
  corrections = 0;
  /** Last measured network round trip in ms; null before the first. */
  pingMs: number | null = null;
  /** The last state tick received and when it arrived, to estimate the server's tick between patches. */
  private lastTick = { tick: 0, at: 0 };

  private constructor(room: Room<any, ArenaState>) {
    this.room = room;
    this.input = room.input({ type: ShipInput, mode: "reliable" });
    this.predict = Predict.get(room, { mode: "lerp", delay: INTERPOLATION_DELAY_MS });
    this.predict.attachAll("ships", { mode: "lerp", fields: ["x", "y", "vx", "vy"], snap: TELEPORT_PX });

    // room.clock's RTT runs from an input to its acknowledgement, so it includes the
    // wait for the next tick and patch; a ping measures the network alone.
    const measurePing = () =>
      room.ping((ms) => {
        this.pingMs = ms;
        room.send("ping", { ms: Math.round(ms) });
      });
    measurePing();
    const pinger = setInterval(measurePing, PING_INTERVAL_MS);
    room.onLeave(() => clearInterval(pinger));

    const callbacks = Callbacks.get(room);
    callbacks.listen("tick", (tick) => (this.lastTick = { tick, at: performance.now() }));
    // onAdd also fires for ships already in the state, ours included.
    callbacks.onAdd("ships", (ship, sessionId) => {
      if (sessionId === room.sessionId) this.predictOwnShip(ship);
    });
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

  private predictOwnShip(ship: Ship): void {
    const reconciler = this.predict.reconciler(ship, {
      input: this.input,
      fields: PREDICTED_FIELDS,
      step: (ctx, state, command) => void stepShip(state, command, this.layout, ctx.dt),
      warnOnDivergence: DIVERGENCE_WARNING_PX,
      snap: TELEPORT_PX,
      onReconcile: () => {
        if (reconciler.lastCorrectionMag > 0) this.corrections++;
      },
    });
    this.reconciler = reconciler;
  }

  get sessionId(): string {
    return this.room.sessionId;
  }

  get state(): ArenaState {
    return this.room.state;
  }

  get layout(): ArenaLayout {
    return layoutByName(this.room.state.layout);
  }

  /** Our synchronised ship (health, score, ...); undefined until the server has added it. */
  get ownShip(): Ship | undefined {
    return this.room.state.ships.get(this.room.sessionId);
  }

  /** Our ship as predicted, before render smoothing; null until the server has spawned it. */
  get predictedShip(): Readonly<ShipBody> | null {
    return this.reconciler?.state ?? null;
  }

  /** Inputs sent that the server has not yet applied. */
  get pendingInputs(): number {
    return this.reconciler?.pendingCount ?? 0;
  }

  /** The fixed step of the room, in ms. */
  get stepMs(): number {
    return this.input.stepMs ?? 1000 / 30;
  }

  /** The server's tick now, estimated from the last one received (fractional). */
  serverTick(now: number): number {
    const elapsed = Math.min(now - this.lastTick.at, 4 * this.stepMs);
    return this.lastTick.tick + elapsed / this.stepMs;
  }

  onKo(listener: (message: KoMessage) => void): void {
    this.room.onMessage("ko", listener);
  }

  /**
   * Advances prediction to `now` and sends one input for every fixed step that
   * fell due, as the reconciler expects. Call once per rendered frame.
   */
  update(now: number, controlsForStep: () => ShipControls): void {
    const steps = this.predict.tick(now);
    for (let i = 0; i < steps; i++) {
      Object.assign(this.input.data, controlsForStep());
      this.input.send();
    }
  }

  /** Every ship as it should be drawn this frame. */
  ships(): ShipView[] {
    const views: ShipView[] = [];
    this.room.state.ships.forEach((ship, id) => {
      views.push({
        id,
        own: id === this.room.sessionId,
        x: this.predict.value(ship, "x"),
        y: this.predict.value(ship, "y"),
        vx: this.predict.value(ship, "vx"),
        vy: this.predict.value(ship, "vy"),
        ship,
      });
    });
    return views;
  }
}
