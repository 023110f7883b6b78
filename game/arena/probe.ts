// A read-only window into the running game for browser tests: they wait on
// game state through it instead of sleeping. The snapshot is built when a test
// reads window.__probe, not every frame.
import type { ArenaConnection } from "../net/ArenaConnection.ts";
import type { NetworkPanel } from "../ui/NetworkPanel.ts";

export interface ProbeShip {
  id: string;
  name: string;
  own: boolean;
  bot: boolean;
  away: boolean;
  /** Where the ship is drawn this frame (ours predicted, others interpolated). */
  x: number;
  y: number;
  /** Where the latest state patch put it. */
  syncedX: number;
  syncedY: number;
  alive: boolean;
  health: number;
  kos: number;
  deaths: number;
  /** 1 or 2 in a team mode, 0 otherwise. */
  team: number;
}

export interface ProbeSnapshot {
  ready: boolean;
  frames: number;
  renderer: "webgl" | "canvas";
  sessionId: string | null;
  roomCode: string | null;
  status: string;
  /** Whether the SDK would reconnect by itself if the link dropped now: it does once the room has been up for its minUptime. */
  reconnectsByItself: boolean;
  round: number;
  phase: string;
  /** The round's mode, the teams' scores, and who has the hill. */
  mode: string;
  redScore: number;
  blueScore: number;
  hill: string;
  ships: readonly ProbeShip[];
  /** Kill feed lines as shown, newest first. */
  feed: readonly string[];
  /** The input device driving the ship, which the hint line names. */
  device: string;
  /** HUD regions faded because a ship is under them. */
  hudFaded: readonly string[];
  /** Shots our ship has fired (as predicted on this page). */
  shotsFired: number;
  /** Whether the scoreboard is showing, and its title ("Round 2 over · Red team wins, 15–12"). */
  scoreboard: boolean;
  scoreboardTitle: string;
  killcam: KillcamProbe;
  /** Where the results screen's "Watch this round" button is (its centre, arena px), while it shows. */
  watchButton: { x: number; y: number } | null;
  /** Where the "Switch team" button is (its centre, arena px), while it shows. */
  switchTeamButton: { x: number; y: number } | null;
  /** The centre of the Report button while it shows (beside the KO card, or the results' Watch button). */
  reportButton: { x: number; y: number } | null;
  /** While watching without a ship: the name of the ship followed (null: the whole arena); null while playing. */
  watching: { following: string | null } | null;
  /** Whether the idle warning shows. */
  idleWarned: boolean;
  /** What the network panel measures, whether or not it is open. */
  net: {
    panelOpen: boolean;
    rttMs: number | null;
    /** Round trips measured so far (one a second). */
    rttSamples: number;
    inputsPerSecond: number;
    upBytesPerSecond: number;
    patchesPerSecond: number;
    /** Every state patch received since the join. */
    patchesReceived: number;
    downBytesPerSecond: number;
    simulatedRttMs: number;
    corrections: number;
  };
}

declare global {
  interface Window {
    __probe?: Readonly<ProbeSnapshot>;
  }
}

/** Why a killcam closed: Skip or Esc, our ship back, the round over, a newer killcam, or the arena left. */
export type KillcamEnd = "skip" | "respawn" | "round-over" | "next" | "left";

/**
 * The killcam: whether one is showing; whom the latest one follows, how far it
 * played and its length (ticks), and why it closed (null while it shows); and
 * how many were shown.
 */
export interface KillcamProbe {
  showing: boolean;
  killer: string | null;
  played: number;
  length: number;
  closedBy: KillcamEnd | null;
  shown: number;
}

/** What the arena scene shows, as the probe reads it. */
export interface ProbeSource {
  connection: ArenaConnection | null;
  frames: number;
  renderer: ProbeSnapshot["renderer"];
  status: string;
  feed: readonly string[];
  device: string;
  hudFaded: readonly string[];
  scoreboard: boolean;
  scoreboardTitle: string;
  networkPanel: NetworkPanel;
  killcam: KillcamProbe;
  watchButton: { x: number; y: number } | null;
  switchTeamButton: { x: number; y: number } | null;
  reportButton: { x: number; y: number } | null;
  watching: ProbeSnapshot["watching"];
  idleWarned: boolean;
}

/** Installs window.__probe: each read gives a frozen snapshot, so page scripts can read but never steer the game. */
export function installProbe(read: () => ProbeSource): void {
  Object.defineProperty(window, "__probe", { configurable: true, get: () => freeze(snapshot(read())) });
}

function snapshot({
  connection,
  frames,
  renderer,
  status,
  feed,
  device,
  hudFaded,
  scoreboard,
  scoreboardTitle,
  networkPanel,
  killcam,
  watchButton,
  switchTeamButton,
  reportButton,
  watching,
  idleWarned,
}: ProbeSource): ProbeSnapshot {
  const rates = connection?.meter.rates();
  return {
    ready: connection !== null && status === "playing",
    roomCode: connection?.code ?? null,
    frames,
    renderer,
    sessionId: connection?.sessionId ?? null,
    status,
    reconnectsByItself: connection !== null && Date.now() - connection.handshake.at.getTime() >= connection.room.reconnection.minUptime,
    round: connection?.state.round ?? 0,
    phase: connection?.state.phase ?? "",
    mode: connection?.state.mode ?? "",
    redScore: connection?.state.redScore ?? 0,
    blueScore: connection?.state.blueScore ?? 0,
    hill: connection?.state.hill ?? "",
    ships: (connection?.ships() ?? []).map(({ id, own, x, y, ship }) => ({
      id,
      own,
      x,
      y,
      syncedX: ship.x,
      syncedY: ship.y,
      name: ship.name,
      bot: ship.bot,
      away: ship.away,
      alive: ship.alive,
      health: ship.health,
      kos: ship.kos,
      deaths: ship.deaths,
      team: ship.team,
    })),
    feed,
    device,
    hudFaded,
    shotsFired: connection?.predictedShots ?? 0,
    scoreboard,
    scoreboardTitle,
    killcam,
    watchButton,
    switchTeamButton,
    reportButton,
    watching,
    idleWarned,
    net: {
      panelOpen: networkPanel.isOpen,
      rttMs: connection?.stats.pingMs ?? null,
      rttSamples: connection?.stats.pings ?? 0,
      inputsPerSecond: rates?.inputsPerSecond ?? 0,
      upBytesPerSecond: rates?.upBytesPerSecond ?? 0,
      patchesPerSecond: rates?.patchesPerSecond ?? 0,
      patchesReceived: connection?.meter.totals.patches ?? 0,
      downBytesPerSecond: rates?.downBytesPerSecond ?? 0,
      simulatedRttMs: connection?.meter.simulatedRttMs ?? 0,
      corrections: connection?.stats.corrections ?? 0,
    },
  };
}

function freeze(probe: ProbeSnapshot): Readonly<ProbeSnapshot> {
  return Object.freeze({
    ...probe,
    ships: Object.freeze(probe.ships.map((ship) => Object.freeze({ ...ship }))),
    feed: Object.freeze([...probe.feed]),
    hudFaded: Object.freeze([...probe.hudFaded]),
    net: Object.freeze({ ...probe.net }),
  });
}
