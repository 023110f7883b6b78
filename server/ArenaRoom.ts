import { randomInt } from "node:crypto";
import { StateView } from "@colyseus/schema";
import { CloseCode, ErrorCode, Room, ServerError, validate, type AuthContext, type Client } from "colyseus";
import { z } from "zod";
import { botControls, botName, botsWanted } from "../shared/bots.ts";
import {
  AIM_AXIS_MAX,
  INPUT_BUFFER_SIZE,
  MAX_CATCH_UP_STEPS,
  MAX_REWIND_MS,
  MOVE_AXIS_MAX,
  SHIP_HUES,
  SPECTATOR_SLOTS,
} from "../shared/constants.ts";
import type { KoMessage, RoomListing, Scoreboard } from "../shared/messages.ts";
import { cleanName } from "../shared/names.ts";
import { scoreboardFromState, secondsUntilTick } from "../shared/scores.ts";
import { makeRoomCode } from "../shared/roomCodes.ts";
import { joins, patchTimes, playersInRooms, refusals, spectatorsInRooms, stepTimes } from "./metrics.ts";
import { PooledEntities } from "./EntityPool.ts";
import { cutOffForMisbehaviour, hasCompletedJoin, pendingSeats, type SeatPolicy } from "./framework.ts";
import { SteadyTimer } from "./SteadyTimer.ts";
import { ArenaState, OWNER_VIEW, ShipInput } from "../shared/schema.ts";
import {
  addShip,
  advanceWorld,
  applyControls,
  liveSight,
  removeShip,
  startWorld,
  type BulletState,
  type MatchRules,
  type Sight,
  type WorldEvent,
} from "../shared/world.ts";

export interface ArenaRoomOptions extends MatchRules {
  tickRate: number;
  patchRate: number;
  maxPlayers: number;
  /** Bots fill the room up to this many ships while humans are fewer. */
  bots: number;
  /** Judge hits where the shooter saw the target (on), or where it is now (off, for comparison). */
  lagCompensation: boolean;
  /** How long a dropped player's seat is held, seconds. */
  reconnectSeconds: number;
  /** Set by the client that creates the room: a private room is reached only by its code. */
  private?: unknown;
}

/** The longest name a client may send; what is kept of it is cut to NAME_MAX_LENGTH. */
const NAME_INPUT_MAX_LENGTH = 100;

/**
 * What a client may send when it joins or creates a room (the matchmaking request's
 * body). Fields the game does not know are dropped.
 */
const joinOptions = z.object({
  name: z.string().max(NAME_INPUT_MAX_LENGTH).optional(),
  /** Create a room reached only by its code. */
  private: z.boolean().optional(),
  /** Watch the room (the scoreboard page) without a ship. */
  spectate: z.boolean().optional(),
});
export type JoinOptions = z.infer<typeof joinOptions>;

/** Room codes in use on every process that shares this presence. */
const CODES_KEY = "skirmish:room-codes";
const FEED_SIZE = 10;
/** Close codes of a connection lost rather than refused: going away, no status, abnormal, may try reconnect. */
const DROPS = new Set<number>([CloseCode.GOING_AWAY, CloseCode.NO_STATUS_RECEIVED, CloseCode.ABNORMAL_CLOSURE, CloseCode.MAY_TRY_RECONNECT]);

/** The matchmaking method of the request being authorised ("create", "joinOrCreate", "joinById", ...). */
function matchmakeMethod(context: AuthContext): string {
  const path = context.req?.url ? new URL(context.req.url).pathname : "";
  return /^\/matchmake\/(\w+)\//.exec(path)?.[1] ?? "";
}

const isSpectator = (options: unknown) => (options as JoinOptions | undefined)?.spectate === true;

export class ArenaRoom extends Room<{ state: ArenaState; input: ShipInput }> implements SeatPolicy {
  override state = new ArenaState();

  override inputs = this.defineInput(ShipInput, {
    bufferMaxSize: INPUT_BUFFER_SIZE,
    sanitize: {
      moveX: [-MOVE_AXIS_MAX, MOVE_AXIS_MAX],
      moveY: [-MOVE_AXIS_MAX, MOVE_AXIS_MAX],
      aimX: [-AIM_AXIS_MAX, AIM_AXIS_MAX],
      aimY: [-AIM_AXIS_MAX, AIM_AXIS_MAX],
    },
  });

  override messages = {
    /** The client's measured round trip, shown on the scoreboard. */
    ping: validate(z.object({ ms: z.number().int().min(0).max(60_000) }), (client, { ms }) => {
      const ship = this.state.ships.get(client.sessionId);
      if (ship) ship.ping = Math.min(ms, 65_535);
    }),
  };

  private readonly factory = new PooledEntities((bullet) => this.shotSeenAt.delete(bullet));
  private dt = 0;
  private patchClock: SteadyTimer | null = null;
  private botFill = 0;
  private maxPlayers = 0;
  private reconnectSeconds = 0;
  /** Players in the room (their ships, away ones included), and spectators, by session id. */
  private readonly players = new Set<string>();
  private readonly spectators = new Set<string>();
  /** Players whose seat a newer connection with their reconnection token is taking over. */
  private readonly takenOver = new Set<string>();
  /** Clients whose socket broke on a frame of theirs: no seat is held for them. */
  private readonly refused = new Set<string>();
  /** The latest knock-outs, newest first, for the scoreboard page. */
  private readonly feed: Array<{ killer: string; victim: string; at: number }> = [];
  private readonly botIds: string[] = [];
  private botsAdded = 0;
  private humansJoined = 0;
  /** Steps each player may still take this tick; see MAX_CATCH_UP_STEPS. */
  private readonly stepAllowance = new Map<string, number>();
  private sight: Sight = liveSight(0);
  /** When (server ms) each player's shot saw the world: the render time of the input that fired it. */
  private readonly shotSeenAt = new WeakMap<BulletState, number>();
  /** Called with each tick's events; for tests and instrumentation. */
  onWorldEvents: ((events: readonly WorldEvent[]) => void) | null = null;

  /**
   * Runs before matchmaking: options of the wrong shape are refused with 400, and
   * so are flags that do not go with the request: only `create` makes a private
   * room, and spectators watch a room they name by code (`joinById`), so neither
   * can open rooms through quick play. (How many rooms an address may create is
   * counted before this, at the HTTP gate: server/httpGate.ts.)
   */
  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<boolean> {
    const parsed = joinOptions.safeParse(options ?? {});
    if (!parsed.success) {
      refusals.inc({ reason: "bad_options" });
      const issue = parsed.error.issues[0]!;
      const field = issue.path.length > 0 ? `"${issue.path.join(".")}"` : "the options";
      throw new ServerError(400, `Bad join options: ${field}: ${issue.message}.`);
    }
    const method = matchmakeMethod(context);
    if (parsed.data.private !== undefined && method !== "create") {
      refusals.inc({ reason: "bad_options" });
      throw new ServerError(400, 'Bad join options: "private" goes only with create.');
    }
    if (parsed.data.spectate !== undefined && method !== "joinById") {
      refusals.inc({ reason: "bad_options" });
      throw new ServerError(400, 'Bad join options: "spectate" goes only with joinById (watch a room by its code).');
    }
    return true;
  }

  override async onCreate(options: ArenaRoomOptions): Promise<void> {
    // Every ship the room can hold gets a one-byte id before bullets use ids up.
    this.factory.reserveShips(options.maxPlayers + options.bots, this.state.ships);
    this.roomId = await this.claimCode();
    if (options.private === true) await this.setPrivate(true);
    this.maxPlayers = options.maxPlayers;
    this.maxClients = options.maxPlayers + SPECTATOR_SLOTS;
    this.reconnectSeconds = options.reconnectSeconds;
    // Announced to clients (they reconcile at this cadence); also starts the framework's patch timer.
    this.patchRate = 1000 / options.patchRate;
    // One input per tick, room for catch-up bursts after a hitch, and the odd ping: a flood past this is kicked.
    this.maxMessagesPerSecond = options.tickRate * 3 + 10;
    this.dt = 1 / options.tickRate;
    this.state.tickRate = options.tickRate;
    this.sight = liveSight(this.dt);
    this.botFill = options.bots;
    startWorld(this.state, this.factory, this.dt, options);
    if (options.lagCompensation) this.compensateLag();
    this.balanceBots();
    await this.publishListing();
    this.setFixedTimestep(() => this.tick(), options.tickRate);
    this.patchClock = new SteadyTimer(this.patchRate, () => this.sendPatch());
  }

  /** Spectators may watch a room by code while its player seats are all taken (and it is locked for quick play). */
  static watches(options: unknown): boolean {
    return isSpectator(options);
  }

  /**
   * Players and spectators have seats of their own: spectators never take a
   * player's seat, nor players a spectator's. Checked when the seat is reserved,
   * so a crowd that fills the room goes on to another one.
   */
  admits(options: unknown): boolean {
    const spectating = isSpectator(options);
    const coming = pendingSeats(this).filter((pending) => isSpectator(pending) === spectating).length;
    return spectating ? this.spectators.size + coming < SPECTATOR_SLOTS : this.players.size + coming < this.maxPlayers;
  }

  /** A room whose player seats are all taken or promised is locked at once, before the next quick play reads its listing. */
  onSeatReserved(): void {
    if (!this.admits({})) void this.lock();
    // A seat taken by no one lapses after the reservation time; the listing then frees it.
    this.clock.setTimeout(() => void this.publishListing(), (this.seatReservationTimeout + 1) * 1000);
  }

  override onJoin(client: Client, options?: JoinOptions): void {
    if (isSpectator(options)) {
      this.spectators.add(client.sessionId);
      spectatorsInRooms.inc();
      joins.inc({ kind: "spectator" });
      return;
    }
    if (this.players.size >= this.maxPlayers) {
      refusals.inc({ reason: "room_full" });
      throw new ServerError(409, `Room ${this.roomId} is full (${this.maxPlayers} players).`);
    }
    this.players.add(client.sessionId);
    playersInRooms.inc();
    joins.inc({ kind: "player" });
    const hue = this.humansJoined++ % SHIP_HUES;
    const name = cleanName(options?.name) || `Pilot ${this.humansJoined}`;
    addShip(this.state, client.sessionId, { name, hue, bot: false }, this.factory, this.dt);
    // What only this player's prediction needs (velocity, cooldowns) goes to them alone.
    const view = new StateView();
    view.add(this.state.ships.get(client.sessionId)!, OWNER_VIEW);
    client.view = view;
    this.stepAllowance.set(client.sessionId, 0);
    // A frame the WebSocket itself refuses (oversized, malformed) closes as "abnormal"
    // (1006), like a lost network; the socket's error says it was the client's doing.
    client.ref.once("error", () => this.refused.add(client.sessionId));
    this.balanceBots();
    void this.publishListing();
  }

  /**
   * A player whose connection went away or broke (the closes the SDK retries), or
   * whose seat a newer connection is taking over, gets their seat held. A kicked
   * one (bad input, flooding, an oversized or malformed frame) does not, nor one
   * the transport cut off for what it did (a ping flood, heartbeats ignored while
   * it kept sending), nor one that never completed its join.
   */
  override onDrop(client: Client, code?: number): void {
    const id = client.sessionId;
    const ship = this.state.ships.get(id);
    const takenOver = this.takenOver.delete(id);
    const dropped = code !== undefined && DROPS.has(code) && !this.refused.has(id) && !cutOffForMisbehaviour(client);
    if (!ship || !hasCompletedJoin(client) || !(dropped || takenOver)) return;
    ship.away = true;
    this.allowReconnection(client, this.reconnectSeconds);
  }

  /**
   * A reconnection token used while its player is still connected (a stale socket
   * the server has not seen close, or a duplicated tab) takes the seat over: the
   * old connection is closed and the ship, score and health pass to the new one.
   * The framework's own takeover closes the old socket as a kick, which would
   * delete the ship; `takenOver` makes onDrop hold it instead.
   */
  override checkReconnectionToken(reconnectionToken: string): string {
    const current = this.clients.find((client) => client.reconnectionToken === reconnectionToken);
    if (current && this.players.has(current.sessionId)) {
      this.takenOver.add(current.sessionId);
      current.error(ErrorCode.APPLICATION_ERROR, "This ship was taken over by a newer connection (another tab or device).");
    }
    return super.checkReconnectionToken(reconnectionToken);
  }

  override onReconnect(client: Client): void {
    const ship = this.state.ships.get(client.sessionId);
    if (ship) ship.away = false;
    // Inputs sent while the link was down are not replayed in a burst.
    this.inputs.get(client.sessionId).clear();
    this.stepAllowance.set(client.sessionId, 0);
  }

  override onLeave(client: Client): void {
    this.refused.delete(client.sessionId);
    this.takenOver.delete(client.sessionId);
    client.view?.dispose();
    if (this.spectators.delete(client.sessionId)) {
      spectatorsInRooms.dec();
      return;
    }
    if (this.players.delete(client.sessionId)) playersInRooms.dec();
    this.dropShip(client.sessionId);
    this.stepAllowance.delete(client.sessionId);
    this.balanceBots();
    void this.publishListing();
  }

  override async onDispose(): Promise<void> {
    this.patchClock?.stop();
    await this.presence.srem(CODES_KEY, this.roomId);
  }

  /** Scores, round and recent knock-outs, for GET /api/rooms/:code/scoreboard. */
  scoreboard(): Scoreboard {
    return {
      code: this.roomId,
      ...scoreboardFromState(this.state),
      feed: this.feed.map(({ killer, victim, at }) => ({ killer, victim, at })),
      at: Date.now(),
    };
  }

  /** A fresh code no live room uses; it is the room's id, so joining by code is joining by id. */
  private async claimCode(): Promise<string> {
    for (;;) {
      const code = makeRoomCode(randomInt);
      if (!(await this.presence.sismember(CODES_KEY, code))) {
        await this.presence.sadd(CODES_KEY, code);
        return code;
      }
    }
  }

  /**
   * What the lobby's room list shows of this room. A room whose player seats are
   * all taken or promised is locked, so quick play passes it by (spectators still
   * watch it by code).
   */
  private async publishListing(): Promise<void> {
    if (!this.admits({})) await this.lock();
    else if (this.locked) await this.unlock();
    const listing: RoomListing = {
      layout: this.state.layout,
      players: this.players.size,
      maxPlayers: this.maxPlayers,
      bots: this.botIds.length,
      phase: this.state.phase,
      phaseEndsAt: Date.now() + secondsUntilTick(this.state.phaseEndTick, this.state.tick, this.state.tickRate) * 1000,
    };
    await this.setMetadata(listing);
  }

  /**
   * The framework calls this from its patch timer, a setInterval that slips under
   * load; patches go out on the room's steady patch clock instead (sendPatch).
   */
  override broadcastPatch(): boolean {
    return false;
  }

  private sendPatch(): void {
    const startedAt = performance.now();
    super.broadcastPatch();
    patchTimes.add(performance.now() - startedAt);
  }

  private tick(): void {
    const startedAt = performance.now();
    this.step();
    stepTimes.add(performance.now() - startedAt);
  }

  private step(): void {
    const events: WorldEvent[] = [];
    for (const id of this.state.ships.keys()) {
      if (this.players.has(id)) this.applyClientInputs(id, events);
      else applyControls(this.state, id, botControls(this.state, id, this.dt), this.factory, this.dt, events);
    }
    advanceWorld(this.state, this.factory, this.dt, events, this.sight);
    this.factory.recycleBullets(this.state.bullets);
    this.onWorldEvents?.(events);
    for (const event of events) {
      if (event.type === "ko") this.broadcastKo(event.killer, event.victim);
      if (event.type === "round-over" || event.type === "round-start") void this.publishListing();
    }
  }

  /**
   * Judges players' bullets against the ships as the shooter's screen showed them
   * while the bullet flew, rewound at most MAX_REWIND_MS. Bots' bullets see the live arena.
   */
  private compensateLag(): void {
    const rewind = this.allowRewindState({ maxRewindMs: MAX_REWIND_MS });
    rewind.attachAll(this.state.ships, { fields: ["x", "y"] });
    const live = this.sight;
    const tickMs = this.dt * 1000;
    this.sight = (bullet, age, target) => {
      const firedAt = this.shotSeenAt.get(bullet);
      if (firedAt === undefined) return live(bullet, age, target);
      const start = rewind.at(firedAt + (age - 1) * tickMs);
      const x0 = start.value(target, "x");
      const y0 = start.value(target, "y");
      const end = rewind.at(firedAt + age * tickMs);
      return { x0, y0, x1: end.value(target, "x"), y1: end.value(target, "y") };
    };
  }

  /**
   * The render time a client stamped on its input, if it is one to rewind to: a
   * real instant within MAX_REWIND_MS of now. The stamp comes off the wire, so a
   * garbled or hostile one means no rewind (the live arena) rather than a lookup
   * at an arbitrary time.
   */
  private trustedRenderTime(stamp: number): number | null {
    const now = this.clock.elapsedTime;
    if (!Number.isFinite(stamp) || stamp <= 0) return null;
    return Math.min(now, Math.max(now - MAX_REWIND_MS, stamp));
  }

  /**
   * One step per tick, with a little banked for inputs that arrive in a burst
   * after a stall, so a client cannot move or fire faster by sending faster.
   */
  private applyClientInputs(id: string, events: WorldEvent[]): void {
    let allowance = Math.min((this.stepAllowance.get(id) ?? 0) + 1, MAX_CATCH_UP_STEPS);
    const accessor = this.inputs.get(id);
    for (const input of accessor) {
      const before = events.length;
      applyControls(this.state, id, input, this.factory, this.dt, events);
      const fired = events[before];
      if (fired?.type === "shot") {
        const seenAt = this.trustedRenderTime(accessor.renderTime);
        if (seenAt !== null) this.shotSeenAt.set(this.state.bullets.get(fired.bullet)!, seenAt);
      }
      if (--allowance === 0) break;
    }
    this.stepAllowance.set(id, allowance);
  }

  private broadcastKo(killer: string, victim: string): void {
    const message: KoMessage = {
      killer,
      victim,
      killerName: this.state.ships.get(killer)?.name ?? "",
      victimName: this.state.ships.get(victim)?.name ?? "",
    };
    this.broadcast("ko", message);
    this.feed.unshift({ killer: message.killerName, victim: message.victimName, at: Date.now() });
    this.feed.length = Math.min(this.feed.length, FEED_SIZE);
  }

  /** Bots fill the room while there are fewer humans than the fill target, newest bot leaving first. */
  private balanceBots(): void {
    const wanted = botsWanted(this.players.size, this.botFill);
    while (this.botIds.length < wanted) {
      const id = `bot-${++this.botsAdded}`;
      addShip(this.state, id, { name: botName(this.botsAdded - 1), hue: (this.botsAdded + 3) % SHIP_HUES, bot: true }, this.factory, this.dt);
      this.botIds.push(id);
    }
    while (this.botIds.length > wanted) this.dropShip(this.botIds.pop()!);
  }

  /** Takes a ship out of the arena and keeps the instance for the next ship. */
  private dropShip(id: string): void {
    const ship = this.state.ships.get(id);
    removeShip(this.state, id);
    if (ship) this.factory.releaseShip(ship);
  }
}
