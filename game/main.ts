import Phaser from "phaser";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../shared/constants.ts";
import { normalizeRoomCode } from "../shared/roomCodes.ts";
import { ArenaScene, type ArenaSceneData } from "./arena/ArenaScene.ts";
import { ArenaConnection, type JoinRequest } from "./net/ArenaConnection.ts";
import { Lobby } from "./ui/Lobby.ts";
import { NetworkPanel } from "./ui/NetworkPanel.ts";
import { COLORS, cssVariables, useColorBlindPalette } from "./palette.ts";
import { SettingsPanel } from "./ui/SettingsPanel.ts";
import { TabSeat } from "./TabSeat.ts";

cssVariables();
const params = new URLSearchParams(location.search);

/** `?renderer=canvas` runs extra test players cheaply; WebGL is the default where available. */
function rendererType(): number {
  switch (params.get("renderer")) {
    case "canvas":
      return Phaser.CANVAS;
    case "webgl":
      return Phaser.WEBGL;
    default:
      return Phaser.AUTO;
  }
}

/** `?lag=250&jitter=20` starts the latency simulator, for trying the game over a slow link. */
function millisecondsParam(name: string): number {
  const value = Number(params.get(name));
  return Number.isFinite(value) && value > 0 ? Math.min(value, 500) : 0;
}

const game = new Phaser.Game({
  type: rendererType(),
  parent: "game",
  backgroundColor: COLORS.floor,
  width: ARENA_WIDTH,
  height: ARENA_HEIGHT,
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  disableContextMenu: true,
  banner: false,
  // Sound effects are synthesised by game/arena/SoundEffects.ts; Phaser's audio system would open a second AudioContext.
  audio: { noAudio: true },
});
game.scene.add("arena", ArenaScene, false);

const networkPanel = new NetworkPanel(document.body, { rttMs: millisecondsParam("lag"), jitterMs: millisecondsParam("jitter") });
const settingsPanel = new SettingsPanel(document.body, (settings) => {
  useColorBlindPalette(settings.colorBlind);
  networkPanel.setOpen(settings.networkPanel);
});
networkPanel.onToggle = (open) => settingsPanel.change({ networkPanel: open });
const lobby = new Lobby(document.body, location.origin, (name, choice) => play(name, choice));

/** The seat this tab plays, which a reload resumes and a copy of the tab leaves alone. */
const seat = new TabSeat();
/** The connection being played, whose current reconnection token a reload resumes with. */
let playing: ArenaConnection | null = null;
const rememberSeat = () => {
  if (playing) seat.play({ token: playing.room.reconnectionToken, room: playing.code, session: playing.sessionId });
};
// Each reconnection spends the token and brings a new one. The SDK (0.18.4) calls
// onReconnect before it stores the new token, so the token is read again as the
// page goes away (a reload), and once more just after each reconnection.
addEventListener("pagehide", rememberSeat);

/** Joins as asked and starts the arena; throws (for the lobby to show) if the join fails. */
async function play(name: string, request: JoinRequest): Promise<void> {
  const connection = await ArenaConnection.join(location.origin, name, request);
  const room = connection.room;
  playing = connection;
  rememberSeat();
  room.onReconnect(() => setTimeout(rememberSeat));
  showAddress(connection.code, connection.watching);
  connection.onOwnShip(() => showAddress(connection.code, false));
  connection.onWatching(() => showAddress(connection.code, true));
  lobby.hide();
  const data: ArenaSceneData = { connection, networkPanel, settingsPanel, exit: backToLobby, name };
  game.scene.start("arena", data);
}

/** The address names the room: `?room=` to play in it, `?watch=` while watching it. */
function showAddress(code: string, watching: boolean): void {
  history.replaceState(null, "", `/?${watching ? "watch" : "room"}=${code}${carriedParams()}`);
}

function backToLobby(message: string): void {
  playing = null;
  seat.leave();
  history.replaceState(null, "", `/${carriedParams("?")}`);
  lobby.show(message);
}

/** Test and debug switches survive the address changes between lobby and room. */
function carriedParams(lead = "&"): string {
  const kept = new URLSearchParams();
  for (const key of ["renderer", "lag", "jitter"]) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  const text = kept.toString();
  return text ? `${lead}${text}` : "";
}

/**
 * A reload (or a reopened tab) resumes this tab's held seat; a link with a code
 * joins that room, as does a copy of a tab whose seat the original still plays;
 * otherwise the lobby.
 */
async function start(): Promise<void> {
  const held = await seat.claimStored();
  if (held) {
    try {
      await play(lobby.storedName, { kind: "resume", reconnectionToken: held.token });
      return;
    } catch {
      seat.leave();
    }
  }
  const watched = params.get("watch");
  const watchCode = watched ? normalizeRoomCode(watched) : null;
  if (watchCode) {
    try {
      await play(lobby.storedName, { kind: "watch", code: watchCode });
      return;
    } catch (error) {
      return lobby.show(error instanceof Error ? error.message : String(error), watchCode);
    }
  }
  const typed = params.get("room") ?? watched;
  const code = typed ? normalizeRoomCode(typed) : null;
  if (typed && !code) return lobby.show(`"${typed}" is not a room code.`);
  if (code && lobby.storedName) {
    try {
      await play(lobby.storedName, { kind: "code", code });
      return;
    } catch (error) {
      return lobby.show(error instanceof Error ? error.message : String(error), code);
    }
  }
  lobby.show(code ? `Choose a name to join room ${code}.` : "", code ?? "");
}

void start();
