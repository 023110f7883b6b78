// The replay page: /replay?id=ID (and &room=CODE for a private room's), or
// /replay?room=CODE&round=N, or a file opened from disk. The round is re-simulated
// here from its recorded inputs and drawn as the game draws a match.
import Phaser from "phaser";
import { ARENA_HEIGHT, ARENA_WIDTH } from "../../shared/constants.ts";
import { normalizeRoomCode } from "../../shared/roomCodes.ts";
import { ReplayError } from "../../shared/replay/bytes.ts";
import type { Replay } from "../../shared/replay/format.ts";
import { clockText } from "../../shared/scores.ts";
import { gameClient } from "../net/gameClient.ts";
import { COLORS, cssVariables } from "../palette.ts";
import { ReplayPlayer } from "./ReplayPlayer.ts";
import { ReplayScene, type ReplaySceneData } from "./ReplayScene.ts";
import { unpackReplay } from "./unpackReplay.ts";

cssVariables();
const params = new URLSearchParams(location.search);
const client = gameClient(location.origin);
const SPEEDS = [0.25, 0.5, 1, 2, 4];
const JUMP_SECONDS = 5;
/** The replay of a round that just ended may take a moment to be stored. */
const LIST_ATTEMPTS = 5;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  title: byId<HTMLHeadingElement>("title"),
  status: byId<HTMLParagraphElement>("status"),
  file: byId<HTMLInputElement>("file"),
  download: byId<HTMLAnchorElement>("download"),
  play: byId<HTMLButtonElement>("play"),
  timeline: byId<HTMLInputElement>("timeline"),
  markers: byId<HTMLDivElement>("markers"),
  time: byId<HTMLSpanElement>("time"),
  speed: byId<HTMLSelectElement>("speed"),
  follow: byId<HTMLSelectElement>("follow"),
  scoresTitle: byId<HTMLHeadingElement>("scores-title"),
  scores: byId<HTMLTableSectionElement>("scores"),
  feed: byId<HTMLUListElement>("feed"),
  recentSection: byId<HTMLElement>("recent-section"),
  recent: byId<HTMLUListElement>("recent"),
};

interface Playback {
  player: ReplayPlayer;
  playing: boolean;
  speed: number;
  follow: string | null;
}

let playback: Playback | null = null;
let game: Phaser.Game | null = null;
let loadError: string | null = null;

/** What the page shows, for browser tests (read-only). */
Object.defineProperty(window, "__replay", {
  configurable: true,
  get: () =>
    Object.freeze({
      loaded: playback !== null,
      error: loadError,
      playing: playback?.playing ?? false,
      position: playback?.player.position ?? 0,
      length: playback?.player.length ?? 0,
      tick: playback?.player.simulation.tick ?? 0,
      checked: playback?.player.simulation.checked ?? 0,
      mismatch: playback?.player.mismatch ?? null,
      scores: playback?.player.scoreboard().ships ?? [],
    }),
});

function showStatus(text: string, kind: "" | "good" | "error" = ""): void {
  ui.status.textContent = text;
  ui.status.className = kind;
  if (kind === "error") loadError = text;
}

async function start(): Promise<void> {
  const id = params.get("id");
  const typedRoom = params.get("room");
  try {
    if (id) return await openUrl(`/api/replays/${encodeURIComponent(id)}${typedRoom ? `?room=${encodeURIComponent(typedRoom)}` : ""}`);
    if (typedRoom) return await openRoomRound(typedRoom, Number(params.get("round")) || null);
    showStatus("Open a replay file, or pick a recent round.");
    await listRecent();
  } catch (error) {
    showStatus(messageOf(error), "error");
  }
}

/** The round's replay from the room's list (the newest if no round is named). */
async function openRoomRound(typed: string, round: number | null): Promise<void> {
  const code = normalizeRoomCode(typed);
  if (!code) throw new ReplayError(`"${typed}" is not a room code.`);
  for (let attempt = 1; attempt <= LIST_ATTEMPTS; attempt++) {
    const { data } = await client.http.get("/api/replays", { query: { room: typed } });
    const found = data.replays.find((replay) => round === null || replay.round === round);
    if (found) return openUrl(`/api/replays/${found.id}?room=${encodeURIComponent(typed)}`);
    await new Promise((resolve) => setTimeout(resolve, 600));
  }
  throw new ReplayError(round === null ? `Room ${code} has no recorded rounds (yet).` : `Round ${round} of room ${code} is not (or no longer) kept.`);
}

async function openUrl(url: string): Promise<void> {
  showStatus("Downloading…");
  const response = await fetch(url);
  if (!response.ok)
    throw new ReplayError(
      response.status === 404 ? "There is no such replay here (it may have been replaced by newer rounds)." : `The server answered ${response.status}.`,
    );
  const bytes = new Uint8Array(await response.arrayBuffer());
  ui.download.href = url;
  ui.download.hidden = false;
  await openBytes(bytes);
}

async function openBytes(bytes: Uint8Array): Promise<void> {
  showStatus("Unpacking…");
  const replay = await unpackReplay(bytes);
  const player = new ReplayPlayer(replay);
  await player.prepare((share) => showStatus(`Re-simulating the round… ${Math.round(share * 100)} %`));
  loadError = null;
  playback = { player, playing: false, speed: Number(ui.speed.value) || 1, follow: null };
  showDetails(replay, player);
  show(playback);
}

function showDetails(replay: Replay, player: ReplayPlayer): void {
  const seconds = player.length / replay.tickRate;
  ui.title.textContent = `Replay · room ${replay.room} · round ${replay.round} · ${replay.start.layout}`;
  document.title = `Skirmish · replay of ${replay.room} round ${replay.round}`;
  const when = new Date(replay.recordedAt).toLocaleString();
  const ending = replay.complete ? "" : " (cut short)";
  if (player.mismatch) {
    const at = clockText((player.mismatch.tick - replay.start.tick) / replay.tickRate);
    showStatus(
      `Played ${when}${ending}. This re-simulation parts from the match at tick ${player.mismatch.tick} (${at} in): the game's rules have changed since it was recorded.`,
      "error",
    );
  } else {
    showStatus(
      `Played ${when}, ${clockText(seconds)}${ending}. All ${player.simulation.checked} checksums match: this is the round exactly as it was played.`,
      "good",
    );
  }
  ui.timeline.max = String(player.length);
  ui.timeline.disabled = false;
  ui.play.disabled = false;
  ui.markers.replaceChildren(
    ...player.kos.map((ko) => {
      const mark = document.createElement("span");
      mark.style.left = `${(100 * ko.tick - replay.start.tick * 100) / Math.max(1, player.length)}%`;
      mark.title = `${ko.killer} knocked out ${ko.victim}`;
      return mark;
    }),
  );
  const ships = new Map<string, string>(replay.start.ships.map((ship) => [ship.id, ship.name]));
  for (const tick of replay.ticks) for (const change of tick.changes) if (change.type === "join") ships.set(change.id, change.name);
  ui.follow.replaceChildren(new Option("Whole arena", ""), ...[...ships].map(([id, name]) => new Option(name, id)));
}

function show(current: Playback): void {
  const data: ReplaySceneData = {
    player: current.player,
    follow: () => current.follow,
    onFrame: (ms) => {
      if (current.playing) current.player.advance((ms / 1000) * current.player.tickRate * current.speed);
      if (current.player.ended) current.playing = false;
      refresh(current);
    },
    zoom: 1.7,
  };
  if (game) {
    game.scene.start("replay", data);
    return;
  }
  game = new Phaser.Game({
    type: params.get("renderer") === "canvas" ? Phaser.CANVAS : Phaser.AUTO,
    parent: "stage",
    backgroundColor: COLORS.floor,
    width: ARENA_WIDTH,
    height: ARENA_HEIGHT,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    banner: false,
    audio: { noAudio: true },
  });
  game.scene.add("replay", ReplayScene, true, data);
}

let shown = "";

/** The controls, scoreboard and feed, redrawn when what they show has changed. */
function refresh(current: Playback): void {
  const { player } = current;
  const key = `${player.simulation.tick}|${current.playing}`;
  if (key === shown) return;
  shown = key;
  ui.play.textContent = current.playing ? "Pause" : player.ended ? "Replay" : "Play";
  if (document.activeElement !== ui.timeline) ui.timeline.value = String(Math.floor(player.position));
  ui.time.textContent = `${clockText(player.position / player.tickRate)} / ${clockText(player.length / player.tickRate)}`;
  const board = player.scoreboard();
  ui.scoresTitle.textContent = `Scoreboard · ${clockText(board.secondsLeft)} left`;
  ui.scores.replaceChildren(
    ...board.ships.map((ship) => {
      const row = document.createElement("tr");
      const name = document.createElement("td");
      name.textContent = ship.bot ? `${ship.name} (bot)` : ship.name;
      row.append(name, cell(ship.kos), cell(ship.deaths));
      return row;
    }),
  );
  const feed = player.feed(8);
  ui.feed.replaceChildren(
    ...(feed.length
      ? feed.map((ko) => {
          const line = document.createElement("li");
          line.textContent = `${clockText((ko.tick - player.replay.start.tick) / player.tickRate)}  ${ko.killer} ✕ ${ko.victim}`;
          return line;
        })
      : [Object.assign(document.createElement("li"), { className: "muted", textContent: "No knock-outs yet" })]),
  );
}

function cell(value: number): HTMLTableCellElement {
  const td = document.createElement("td");
  td.className = "n";
  td.textContent = String(value);
  return td;
}

async function listRecent(): Promise<void> {
  const { data } = await client.http.get("/api/replays", { query: {} });
  if (!data.replays.length) return;
  ui.recentSection.hidden = false;
  ui.recent.replaceChildren(
    ...data.replays.map((replay) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `/replay?id=${replay.id}`;
      link.textContent = `Room ${replay.room}, round ${replay.round} · ${clockText(replay.seconds)} · ${replay.players.join(", ") || "bots"}`;
      item.append(link);
      return item;
    }),
  );
}

function messageOf(error: unknown): string {
  if (error instanceof ReplayError) return error.message;
  return `The replay could not be opened: ${error instanceof Error ? error.message : String(error)}`;
}

function togglePlay(): void {
  if (!playback) return;
  if (playback.player.ended) playback.player.seek(0);
  playback.playing = !playback.playing;
  shown = "";
}

function jumpTo(position: number): void {
  if (!playback) return;
  playback.player.seek(position);
  shown = "";
}

ui.play.addEventListener("click", togglePlay);
ui.timeline.addEventListener("input", () => jumpTo(Number(ui.timeline.value)));
ui.speed.addEventListener("change", () => {
  const speed = Number(ui.speed.value);
  if (playback && SPEEDS.includes(speed)) playback.speed = speed;
});
ui.follow.addEventListener("change", () => {
  if (playback) playback.follow = ui.follow.value || null;
});
ui.file.addEventListener("change", () => {
  const file = ui.file.files?.[0];
  if (!file) return;
  ui.download.hidden = true;
  file
    .arrayBuffer()
    .then((buffer) => openBytes(new Uint8Array(buffer)))
    .catch((error: unknown) => showStatus(`${file.name}: ${messageOf(error)}`, "error"));
});
addEventListener("keydown", (event) => {
  if (!playback || event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
  if (event.key === " ") {
    event.preventDefault();
    togglePlay();
  } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
    const step = JUMP_SECONDS * playback.player.tickRate * (event.key === "ArrowLeft" ? -1 : 1);
    jumpTo(playback.player.position + step);
  }
});

void start();
