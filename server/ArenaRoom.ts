// The arena room: its lifecycle (create, join, drop, reconnect, leave, dispose)
// and its fixed step. The rules are shared/world.ts. Who is here (seats, bots,
// names) is the Roster; the recording, replays and reports are RoomRecording; the
// scores it tells are the ScoreFeed; lag compensation, room codes, the lobby
// listing and join checks have modules of their own; every reach into the
// framework is in framework.ts.
import { ErrorCode, Room, type AuthContext, type Client } from "@colyseus/core";
import { AIM_AXIS_MAX, INPUT_BUFFER_SIZE, MAX_REWIND_MS, MOVE_AXIS_MAX, SPECTATOR_SLOTS } from "../shared/constants.ts";
import type { Scoreboard, ServerMessages } from "../shared/messages.ts";
import { ArenaState, ShipInput } from "../shared/schema.ts";
import { type RoomSettings, roomSettings } from "../shared/settings.ts";
import { stepWorld } from "../shared/stepWorld.ts";
import { startWorld, type WorldEvent } from "../shared/world.ts";
import { PooledEntities } from "./EntityPool.ts";
import { checkedMessages } from "./checkedMessages.ts";
import type { ServerConfig } from "./config.ts";
import { pendingSeats, sendPatchesOnSteadyClock, type SeatPolicy } from "./framework.ts";
import { Host, roomCapacity } from "./Host.ts";
import { IdleWatch } from "./IdleWatch.ts";
import { Seating } from "./Seating.ts";
import { hostMessages } from "./hostMessages.ts";
import { playerMessages } from "./playerMessages.ts";
import { Reports } from "./Reports.ts";
import { checkJoinOptions, type JoinOptions } from "./joinOptions.ts";
import { InputIntake } from "./InputIntake.ts";
import { LagCompensation } from "./LagCompensation.ts";
import { updateHeadings } from "./Headings.ts";
import { ShotWire } from "./ShotWire.ts";
import { RoomChat } from "./RoomChat.ts";
import { claimRoomCode, releaseRoomCode } from "./liveRoomCodes.ts";
import { patchTimes, stepTimes } from "./metrics.ts";
import { tickLeadsNextPatch } from "./patchOrder.ts";
import { RoomRecording } from "./RoomRecording.ts";
import { roomListing } from "./roomListing.ts";
import { Roster } from "./Roster.ts";
import { SeatHolds } from "./SeatHolds.ts";
import { ScoreFeed } from "./ScoreFeed.ts";
import type { SteadyTimer } from "./SteadyTimer.ts";

/** What an arena room is created with: the server's settings (config.ts), and what its creator asked for (checked by joinOptions.ts). */
export type ArenaRoomOptions = Pick<
  ServerConfig,
  | "tickRate"
  | "patchRate"
  | "maxPlayers"
  | "bots"
  | "roundSeconds"
  | "koTarget"
  | "holdTarget"
  | "mode"
  | "arena"
  | "wordFilter"
  | "idleSeconds"
  | "lagCompensation"
  | "reconnectSeconds"
  | "replayDir"
> & {
  /** Bytes of replays the server keeps in memory (or in the shared Redis). */
  replayMemoryBytes: number;
  /** A private room is reached only by its code. */
  private?: unknown;
  /** A private room's settings as its creator chose them; the server's for the rest. */
  settings?: Partial<RoomSettings>;
};

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

  override messages = checkedMessages({ ...playerMessages(this), ...hostMessages(() => this.host) });

  /** What is said in the room (see RoomChat). */
  readonly chat = new RoomChat();
  /** Who hosts a private room, the settings they change, and who may switch teams; set as the room is created. */
  host!: Host;
  /** Who sits where (players, spectators) and how they move; set as the room is created. */
  seating!: Seating;
  /** Players who stopped playing; set as the room is created. */
  idle!: IdleWatch;
  /** Replays players ask for to report what they saw; set as the room is created. */
  reports!: Reports;
  private readonly scores = new ScoreFeed(this.state);
  private readonly factory = new PooledEntities();
  /** Bullets cross the wire as their ships' shots. */
  private readonly shots = new ShotWire(this.state);
  private dt = 0;
  /** Who is here; set as the room is created. */
  private roster!: Roster;
  /** The rounds recorded, kept as replays and cut into reports; set as the room is created. */
  recording!: RoomRecording;
  private lag = new LagCompensation(
    null,
    0,
    () => 0,
    () => [],
  );
  private patchClock: SteadyTimer | null = null;
  private reconnectSeconds = 0;
  /** Which closes keep a player's seat for the grace period. */
  private readonly holds = new SeatHolds();
  /** Each player's inputs for a tick; set as the room is created. */
  private intake!: InputIntake;
  /** Called with each tick's events; for tests and instrumentation. */
  onWorldEvents: ((events: readonly WorldEvent[]) => void) | null = null;

  /** Runs before matchmaking: bad options get 400 with the reason (see joinOptions.ts). */
  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<boolean> {
    checkJoinOptions(options, context);
    return true;
  }

  override async onCreate(options: ArenaRoomOptions): Promise<void> {
    const isPrivate = options.private === true;
    const settings = roomSettings(options, isPrivate ? options.settings : undefined);
    this.state.settings.assign(settings);
    const most = roomCapacity(settings, isPrivate);
    // Every ship the room can hold gets a one-byte id before bullets use ids up.
    this.factory.reserveShips(most.maxPlayers + most.bots, this.state.ships);
    this.roomId = await claimRoomCode(this.presence);
    if (isPrivate) await this.setPrivate(true);
    this.maxClients = most.maxPlayers + SPECTATOR_SLOTS;
    this.reconnectSeconds = options.reconnectSeconds;
    // Announced to clients, who reconcile at this cadence.
    this.patchRate = 1000 / options.patchRate;
    // One input per tick, room for catch-up bursts after a hitch, and the odd ping: a flood past this is kicked.
    this.maxMessagesPerSecond = options.tickRate * 3 + 10;
    this.dt = 1 / options.tickRate;
    this.state.tickRate = options.tickRate;
    startWorld(this.state, this.factory, this.dt, settings);
    this.recording = new RoomRecording(this.presence, this.state, {
      room: this.roomId,
      tickRate: options.tickRate,
      private: isPrivate,
      memoryBytes: options.replayMemoryBytes,
      dir: options.replayDir,
    });
    this.reports = new Reports({ room: this.roomId, state: this.state, recording: this.recording });
    this.idle = new IdleWatch(options.idleSeconds * options.tickRate, options.tickRate, {
      warn: (id, seconds) => this.clients.getById(id)?.send("idle-warning", { seconds }),
      move: (id) => this.seating.moveToWatching(id),
    });
    this.intake = new InputIntake((id) => this.inputs.get(id), this.recording, this.idle);
    const { maxPlayers, bots } = settings;
    this.roster = new Roster(this.state, this.factory, this.recording, { room: this.roomId, maxPlayers, bots, dt: this.dt });
    const toRoom = (text: string) => this.broadcast("room-notice", { text });
    const toOne = (id: string, text: string) => this.clients.getById(id)?.send("host-notice", { text });
    const { state, roster, recording, dt } = this;
    this.host = new Host({ state, roster, recording, isPrivate, dt, toRoom, toOne, remove: (id) => this.seating.remove(id) });
    const { host, intake, idle, holds } = this;
    this.seating = new Seating({
      state,
      roster,
      host,
      intake,
      idle,
      holds,
      toRoom,
      client: (id) => this.clients.getById(id),
      seatsChanged: () => void this.publishListing(),
    });
    this.lag = new LagCompensation(
      options.lagCompensation ? this.rewindShips() : null,
      this.dt,
      () => this.clock.elapsedTime,
      () => this.state.ships.values(),
    );
    this.roster.balanceBots();
    await this.publishListing();
    this.setFixedTimestep(() => this.tick(), options.tickRate);
    this.patchClock = sendPatchesOnSteadyClock(this, (ms) => {
      patchTimes.add(ms);
      this.shots.patchSent();
      tickLeadsNextPatch(this.state);
    });
  }

  /** Seats by kind, counting those on their way in (see Seats). */
  admits(options: unknown): boolean {
    return this.roster.seats.admits(options, pendingSeats(this));
  }

  /** A room whose player seats are all taken or promised is locked at once, before the next quick play reads its listing. */
  onSeatReserved(): void {
    if (!this.admits({})) void this.lock();
    // A seat taken by no one lapses after the reservation time; the listing then frees it.
    this.clock.setTimeout(() => void this.publishListing(), (this.seatReservationTimeout + 1) * 1000);
  }

  override onJoin(client: ArenaClient, options?: JoinOptions): void {
    this.seating.joined(client, options);
  }

  /** A player whose connection was lost (see SeatHolds) keeps their ship, out of play, for the grace period. */
  override onDrop(client: ArenaClient, code?: number): void {
    const id = client.sessionId;
    const ship = this.state.ships.get(id);
    if (!this.holds.holds(client, code) || !ship) return;
    ship.away = true;
    this.recording.change({ type: "away", id });
    this.allowReconnection(client, this.reconnectSeconds);
  }

  /**
   * A reconnection token used while its player is still connected (a stale socket
   * the server has not seen close, or a duplicated tab) takes the seat over: the
   * old connection is closed and the ship, score and health pass to the new one.
   */
  override checkReconnectionToken(reconnectionToken: string): string {
    const current = this.clients.find((client) => client.reconnectionToken === reconnectionToken);
    if (current && this.roster.seats.players.has(current.sessionId)) {
      this.holds.takeOver(current);
      current.error(ErrorCode.APPLICATION_ERROR, "This ship was taken over by a newer connection (another tab or device).");
    }
    return super.checkReconnectionToken(reconnectionToken);
  }

  override onReconnect(client: ArenaClient): void {
    const ship = this.state.ships.get(client.sessionId);
    if (ship) {
      ship.away = false;
      this.recording.change({ type: "back", id: client.sessionId });
    }
    this.intake.resume(client.sessionId);
  }

  override onLeave(client: ArenaClient): void {
    this.seating.left(client);
    this.chat.forget(client.sessionId);
    this.reports.forget(client.sessionId);
  }

  override async onDispose(): Promise<void> {
    this.patchClock?.stop();
    // A room whose creation failed part-way has no recording.
    await this.recording?.close(this.state.round);
    await releaseRoomCode(this.presence, this.roomId);
  }

  /** Scores, round and recent knock-outs, for GET /api/rooms/:code/scoreboard. */
  scoreboard(): Scoreboard {
    return this.scores.scoreboard(this.roomId);
  }

  /** The scoreboard's version, which a long poll waits on to move. */
  scoreVersion(): number {
    return this.scores.currentVersion();
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
    const { players, spectators, maxPlayers } = this.roster.seats;
    await this.setMetadata(roomListing(this.state, { players: players.size, maxPlayers, bots: this.roster.bots, spectators: spectators.size }));
  }

  private tick(): void {
    const startedAt = performance.now();
    this.step();
    stepTimes.add(performance.now() - startedAt);
  }

  private step(): void {
    const events: WorldEvent[] = [];
    stepWorld(
      this.state,
      this.factory,
      this.dt,
      events,
      (id) => this.intake.take(id),
      this.lag.sight,
      (shooter, bullet, index) => {
        this.shots.fired(shooter, bullet);
        this.recording.shot(bullet, this.lag.noteShot(this.state.bullets.get(bullet)!, this.intake.renderTime(shooter, index)));
      },
    );
    this.shots.endTick(events);
    updateHeadings(this.state.ships.values());
    this.recording.endTick(this.state, events);
    // Time knocked out, away or between rounds is not idle time.
    this.idle.tick((id) => this.state.ships.get(id)?.alive === true && !this.state.ships.get(id)?.away);
    this.onWorldEvents?.(events);
    for (const event of events) {
      if (event.type === "ko") this.onKo(event.killer, event.victim);
      if (event.type === "round-over") this.host.roundEnded();
      if (event.type === "round-over" || event.type === "round-start") void this.publishListing();
    }
  }

  /** Everyone hears of the knock-out (the knocked-out player's killcam is made from what their client has). */
  private onKo(killer: string, victim: string): void {
    this.broadcast("ko", this.scores.ko(killer, victim));
  }
}
