// The arena room: its lifecycle (create, join, drop, reconnect, leave, dispose)
// and its fixed step. The rules are shared/world.ts; who may sit here is Seats;
// lag compensation, replays (recorded by shared/replay, kept by ReplayStore), room
// codes, the lobby listing and join checks have modules of their own; every reach
// into the framework is in framework.ts.
import { StateView } from "@colyseus/schema";
import { CloseCode, ErrorCode, Room, ServerError, validate, type AuthContext, type Client } from "@colyseus/core";
import { z } from "zod";
import { botName, botsWanted } from "../shared/bots.ts";
import { QUICK_CHAT } from "../shared/chat.ts";
import { AIM_AXIS_MAX, INPUT_BUFFER_SIZE, MAX_CATCH_UP_STEPS, MAX_REWIND_MS, MOVE_AXIS_MAX, SPECTATOR_SLOTS } from "../shared/constants.ts";
import { freeHue, uniqueName } from "../shared/identity.ts";
import type { KillcamMessage, KoMessage, Scoreboard, ServerMessages } from "../shared/messages.ts";
import { cleanName } from "../shared/names.ts";
import { ArenaState, OWNER_VIEW, ShipInput } from "../shared/schema.ts";
import { scoreboardFromState } from "../shared/scores.ts";
import { ReplayRecorder, type RecordedRound } from "../shared/replay/ReplayRecorder.ts";
import type { ShipControls } from "../shared/step.ts";
import { stepWorld } from "../shared/stepWorld.ts";
import { addShip, removeShip, startWorld, type MatchRules, type WorldEvent } from "../shared/world.ts";
import { PooledEntities } from "./EntityPool.ts";
import { checkedMessages } from "./checkedMessages.ts";
import { cutOffForMisbehaviour, forgive, hasCompletedJoin, pendingSeats, sendPatchesOnSteadyClock, type SeatPolicy } from "./framework.ts";
import { checkJoinOptions, isSpectator, type JoinOptions } from "./joinOptions.ts";
import { takeHandshake } from "./handshakes.ts";
import { LagCompensation } from "./LagCompensation.ts";
import { log } from "./log.ts";
import { RoomChat } from "./RoomChat.ts";
import { claimRoomCode, releaseRoomCode } from "./liveRoomCodes.ts";
import { joins, patchTimes, playersInRooms, refusals, spectatorsInRooms, stepTimes } from "./metrics.ts";
import { packReplay } from "./replayFile.ts";
import { ReplayStore } from "./ReplayStore.ts";
import { roomListing } from "./roomListing.ts";
import { Seats } from "./Seats.ts";
import type { SteadyTimer } from "./SteadyTimer.ts";

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
  /** Bytes of replays the server keeps in memory (or in the shared Redis). */
  replayMemoryBytes: number;
  /** Replays are also written here, when set. */
  replayDir?: string;
  /** Set by the client that creates the room: a private room is reached only by its code. */
  private?: unknown;
}

const FEED_SIZE = 10;
/** Close codes of a connection lost rather than refused: going away, no status, abnormal, may try reconnect. */
const DROPS = new Set<number>([CloseCode.GOING_AWAY, CloseCode.NO_STATUS_RECEIVED, CloseCode.ABNORMAL_CLOSURE, CloseCode.MAY_TRY_RECONNECT]);

/** A client of the arena room: what it may be sent is typed from the server's messages (shared/messages.ts). */
export type ArenaClient = Client<{ messages: ServerMessages }>;

export class ArenaRoom extends Room<{ state: ArenaState; input: ShipInput; client: ArenaClient }> implements SeatPolicy {
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

  override messages = checkedMessages({
    /** The client's measured round trip, shown on the scoreboard. */
    ping: validate(z.object({ ms: z.number().int().min(0).max(60_000) }), (client, { ms }) => {
      const ship = this.state.ships.get(client.sessionId);
      if (ship) ship.ping = Math.min(ms, 65_535);
    }),
    /** A line of chat, typed or quick (see RoomChat): broadcast as `chat`, or a `chat-notice` to the sender alone. */
    chat: validate(
      z.union([
        z.object({ text: z.string() }),
        z.object({
          quick: z
            .number()
            .int()
            .min(0)
            .max(QUICK_CHAT.length - 1),
        }),
      ]),
      (client: ArenaClient, said) => {
        const ship = this.state.ships.get(client.sessionId);
        if (!ship) return;
        const { message, notice } = this.chat.say(client.sessionId, ship.name, said);
        if (message) this.broadcast("chat", message);
        if (notice) client.send("chat-notice", { text: notice });
      },
    ),
    /** A page that shows the lesson asks how the server saw its WebSocket's opening handshake; it is told once. */
    handshake: validate(z.undefined(), (client: ArenaClient) => {
      const handshake = takeHandshake(client.sessionId);
      if (handshake) client.send("handshake", handshake);
    }),
  });

  private readonly chat = new RoomChat();
  private scoreSignature = "";
  private scoreVersionNumber = 0;
  private readonly factory = new PooledEntities((bullet) => this.lag.forget(bullet));
  private dt = 0;
  private seats = new Seats(0);
  private lag = new LagCompensation(null, 0, () => 0);
  private patchClock: SteadyTimer | null = null;
  private botFill = 0;
  private reconnectSeconds = 0;
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
  /** Records each round as a replay (see shared/replay), kept in `replays`. */
  private recorder!: ReplayRecorder;
  private replays!: ReplayStore;
  private isPrivate = false;
  /** Replays being packed and stored, awaited before the room is gone. */
  private readonly saving = new Set<Promise<unknown>>();
  /** Called with each round's replay once it is stored; for tests. */
  onReplaySaved: ((summary: Awaited<ReturnType<ReplayStore["save"]>>) => void) | null = null;
  /** Called with each tick's events; for tests and instrumentation. */
  onWorldEvents: ((events: readonly WorldEvent[]) => void) | null = null;

  /** Runs before matchmaking: bad options get 400 with the reason (see joinOptions.ts). */
  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<boolean> {
    checkJoinOptions(options, context);
    return true;
  }

  /** Spectators may watch a room by code while its player seats are all taken (and it is locked for quick play). */
  static watches(options: unknown): boolean {
    return isSpectator(options);
  }

  override async onCreate(options: ArenaRoomOptions): Promise<void> {
    // Every ship the room can hold gets a one-byte id before bullets use ids up.
    this.factory.reserveShips(options.maxPlayers + options.bots, this.state.ships);
    this.roomId = await claimRoomCode(this.presence);
    this.isPrivate = options.private === true;
    if (this.isPrivate) await this.setPrivate(true);
    this.seats = new Seats(options.maxPlayers);
    this.maxClients = options.maxPlayers + SPECTATOR_SLOTS;
    this.reconnectSeconds = options.reconnectSeconds;
    // Announced to clients, who reconcile at this cadence.
    this.patchRate = 1000 / options.patchRate;
    // One input per tick, room for catch-up bursts after a hitch, and the odd ping: a flood past this is kicked.
    this.maxMessagesPerSecond = options.tickRate * 3 + 10;
    this.dt = 1 / options.tickRate;
    this.state.tickRate = options.tickRate;
    this.botFill = options.bots;
    startWorld(this.state, this.factory, this.dt, options);
    this.replays = new ReplayStore(this.presence, { maxBytes: options.replayMemoryBytes, dir: options.replayDir });
    this.recorder = new ReplayRecorder({ room: this.roomId, tickRate: options.tickRate, now: Date.now });
    this.recorder.begin(this.state);
    this.lag = new LagCompensation(options.lagCompensation ? this.rewindShips() : null, this.dt, () => this.clock.elapsedTime);
    this.balanceBots();
    await this.publishListing();
    this.setFixedTimestep(() => this.tick(), options.tickRate);
    this.patchClock = sendPatchesOnSteadyClock(this, (ms) => patchTimes.add(ms));
  }

  /** Seats by kind, counting those on their way in (see Seats). */
  admits(options: unknown): boolean {
    return this.seats.admits(options, pendingSeats(this));
  }

  /** A room whose player seats are all taken or promised is locked at once, before the next quick play reads its listing. */
  onSeatReserved(): void {
    if (!this.admits({})) void this.lock();
    // A seat taken by no one lapses after the reservation time; the listing then frees it.
    this.clock.setTimeout(() => void this.publishListing(), (this.seatReservationTimeout + 1) * 1000);
  }

  override onJoin(client: ArenaClient, options?: JoinOptions): void {
    const id = client.sessionId;
    if (isSpectator(options)) {
      this.seats.spectators.add(id);
      spectatorsInRooms.inc();
      joins.inc({ kind: "spectator" });
      return;
    }
    if (!this.seats.admits(options, [])) {
      refusals.inc({ reason: "room_full" });
      throw new ServerError(409, `Room ${this.roomId} is full (${this.seats.maxPlayers} players).`);
    }
    this.seats.players.add(id);
    playersInRooms.inc();
    joins.inc({ kind: "player" });
    this.humansJoined++;
    const ships = [...this.state.ships.values()];
    const name = uniqueName(cleanName(options?.name) || `Pilot ${this.humansJoined}`, ships);
    const identity = { name, hue: freeHue(ships), bot: false };
    this.recorder.change({ type: "join", id, ...identity });
    addShip(this.state, id, identity, this.factory, this.dt);
    // What only this player's prediction needs (velocity, cooldowns) goes to them alone.
    const view = new StateView();
    view.add(this.state.ships.get(id)!, OWNER_VIEW);
    client.view = view;
    this.stepAllowance.set(id, 0);
    // A frame the WebSocket itself refuses (oversized, malformed) closes as "abnormal"
    // (1006), like a lost network; the socket's error says it was the client's doing.
    client.ref.once("error", () => this.refused.add(id));
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
  override onDrop(client: ArenaClient, code?: number): void {
    const id = client.sessionId;
    const ship = this.state.ships.get(id);
    const takenOver = this.takenOver.delete(id);
    const dropped = code !== undefined && DROPS.has(code) && !this.refused.has(id) && !cutOffForMisbehaviour(client, code);
    if (!ship || !hasCompletedJoin(client) || !(dropped || takenOver)) return;
    ship.away = true;
    this.recorder.change({ type: "away", id });
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
    if (current && this.seats.players.has(current.sessionId)) {
      this.takenOver.add(current.sessionId);
      forgive(current);
      current.error(ErrorCode.APPLICATION_ERROR, "This ship was taken over by a newer connection (another tab or device).");
    }
    return super.checkReconnectionToken(reconnectionToken);
  }

  override onReconnect(client: ArenaClient): void {
    const ship = this.state.ships.get(client.sessionId);
    if (ship) {
      ship.away = false;
      this.recorder.change({ type: "back", id: client.sessionId });
    }
    // Inputs sent while the link was down are not replayed in a burst.
    this.inputs.get(client.sessionId).clear();
    this.stepAllowance.set(client.sessionId, 0);
  }

  override onLeave(client: ArenaClient): void {
    const id = client.sessionId;
    this.refused.delete(id);
    this.takenOver.delete(id);
    client.view?.dispose();
    if (this.seats.spectators.delete(id)) {
      spectatorsInRooms.dec();
      return;
    }
    if (this.seats.players.delete(id)) playersInRooms.dec();
    this.chat.forget(id);
    this.dropShip(id);
    this.stepAllowance.delete(id);
    this.balanceBots();
    void this.publishListing();
  }

  override async onDispose(): Promise<void> {
    this.patchClock?.stop();
    // A room whose creation failed part-way has no recorder.
    const cutShort = this.recorder?.finish(this.state.round);
    if (cutShort) this.saveReplay(cutShort);
    await Promise.all(this.saving);
    await releaseRoomCode(this.presence, this.roomId);
  }

  /** Scores, round and recent knock-outs, for GET /api/rooms/:code/scoreboard. */
  scoreboard(): Scoreboard {
    return {
      code: this.roomId,
      ...scoreboardFromState(this.state),
      feed: this.feed.map(({ killer, victim, at }) => ({ killer, victim, at })),
      at: Date.now(),
      version: this.scoreVersion(),
    };
  }

  /** The scoreboard's version: it moves whenever what the scoreboard shows (but its clock) changes. */
  scoreVersion(): number {
    const { round, phase } = this.state;
    const signature = JSON.stringify([round, phase, this.feed[0]?.at, [...this.state.ships.values()].map((ship) => [ship.name, ship.kos, ship.deaths])]);
    if (signature !== this.scoreSignature) {
      this.scoreSignature = signature;
      this.scoreVersionNumber++;
    }
    return this.scoreVersionNumber;
  }

  /** The framework's rewind history of the ships' positions, bounded by MAX_REWIND_MS. */
  private rewindShips() {
    const rewind = this.allowRewindState({ maxRewindMs: MAX_REWIND_MS });
    rewind.attachAll(this.state.ships, { fields: ["x", "y"] });
    return rewind;
  }

  /**
   * What the lobby's room list shows of this room. A room whose player seats are
   * all taken or promised is locked, so quick play passes it by (spectators still
   * watch it by code).
   */
  private async publishListing(): Promise<void> {
    if (!this.admits({})) await this.lock();
    else if (this.locked) await this.unlock();
    await this.setMetadata(roomListing(this.state, { players: this.seats.players.size, maxPlayers: this.seats.maxPlayers, bots: this.botIds.length }));
  }

  private tick(): void {
    const startedAt = performance.now();
    this.step();
    stepTimes.add(performance.now() - startedAt);
  }

  private step(): void {
    const events: WorldEvent[] = [];
    const renderTimes = new Map<string, number[]>();
    stepWorld(
      this.state,
      this.factory,
      this.dt,
      events,
      (id) => this.takeInputs(id, renderTimes),
      this.lag.sight,
      (shooter, bullet, index) => {
        const stamp = renderTimes.get(shooter)?.[index] ?? 0;
        this.recorder.shot(bullet, this.lag.noteShot(this.state.bullets.get(bullet)!, stamp));
      },
    );
    const roundRecorded = this.recorder.endTick(this.state, events);
    if (roundRecorded) this.saveReplay(roundRecorded);
    this.factory.recycleBullets(this.state.bullets);
    this.onWorldEvents?.(events);
    for (const event of events) {
      if (event.type === "ko") this.onKo(event.killer, event.victim);
      if (event.type === "round-over" || event.type === "round-start") void this.publishListing();
    }
  }

  /**
   * A player's inputs for this tick: one step per tick, with a little banked for
   * inputs that arrive in a burst after a stall, so a client cannot move or fire
   * faster by sending faster. Each one's render time is kept for lag compensation.
   */
  private takeInputs(id: string, renderTimes: Map<string, number[]>): ShipControls[] {
    let allowance = Math.min((this.stepAllowance.get(id) ?? 0) + 1, MAX_CATCH_UP_STEPS);
    const accessor = this.inputs.get(id);
    const inputs: ShipControls[] = [];
    const times: number[] = [];
    for (const input of accessor) {
      inputs.push(input);
      times.push(accessor.renderTime);
      this.recorder.applied(id, input);
      if (--allowance === 0) break;
    }
    this.stepAllowance.set(id, allowance);
    renderTimes.set(id, times);
    return inputs;
  }

  /** Packs a recorded round and keeps it (see ReplayStore). */
  private saveReplay(round: RecordedRound): void {
    const saving = packReplay(round.bytes)
      .then((file) =>
        this.replays.save(
          {
            room: this.roomId,
            round: round.round,
            players: round.players,
            seconds: Math.round(round.ticks / this.state.tickRate),
            complete: round.complete,
            recordedAt: round.recordedAt,
            private: this.isPrivate,
          },
          file,
        ),
      )
      .then((summary) => this.onReplaySaved?.(summary))
      .catch((error: unknown) =>
        log.error({ err: error, event: "replay-not-kept", room: this.roomId }, `Room ${this.roomId}: round ${round.round}'s replay was not kept.`),
      )
      .finally(() => this.saving.delete(saving));
    this.saving.add(saving);
  }

  /** Everyone hears of the knock-out; a knocked-out player gets the seconds before it to watch. */
  private onKo(killer: string, victim: string): void {
    this.broadcastKo(killer, victim);
    const client = this.clients.getById(victim);
    const killcam = client ? this.recorder.killcam() : null;
    const respawnTick = this.state.ships.get(victim)?.respawnTick ?? 0;
    if (client && killcam) {
      void packReplay(killcam).then((replay) => {
        const message: KillcamMessage = { killer, victim, respawnTick, replay };
        client.send("killcam", message);
      });
    }
  }

  private broadcastKo(killer: string, victim: string): void {
    const message: KoMessage = {
      killer,
      victim,
      killerName: this.state.ships.get(killer)?.name ?? "",
      victimName: this.state.ships.get(victim)?.name ?? "",
      at: Date.now(),
    };
    this.broadcast("ko", message);
    this.feed.unshift({ killer: message.killerName, victim: message.victimName, at: message.at });
    this.feed.length = Math.min(this.feed.length, FEED_SIZE);
  }

  /** Bots fill the room while there are fewer humans than the fill target, newest bot leaving first. */
  private balanceBots(): void {
    const wanted = botsWanted(this.seats.players.size, this.botFill);
    while (this.botIds.length < wanted) {
      const id = `bot-${++this.botsAdded}`;
      const ships = [...this.state.ships.values()];
      const identity = { name: uniqueName(botName(this.botsAdded - 1), ships), hue: freeHue(ships), bot: true };
      this.recorder.change({ type: "join", id, ...identity });
      addShip(this.state, id, identity, this.factory, this.dt);
      this.botIds.push(id);
    }
    while (this.botIds.length > wanted) this.dropShip(this.botIds.pop()!);
  }

  /** Takes a ship out of the arena and keeps the instance for the next ship. */
  private dropShip(id: string): void {
    const ship = this.state.ships.get(id);
    if (ship) this.recorder.change({ type: "leave", id });
    removeShip(this.state, id);
    if (ship) this.factory.releaseShip(ship);
  }
}
