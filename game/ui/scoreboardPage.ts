// The scoreboard page (/scoreboard?room=CODE) for a second screen or a stream: one
// panel kept live over a WebSocket, one fetched over HTTP on demand, each saying
// how old its data is, so the difference between push and request is plain to see.
import { koFromWire, type Scoreboard } from "../../shared/messages.ts";
import { normalizeRoomCode } from "../../shared/roomCodes.ts";
import { clockText, scoreboardFromState } from "../../shared/scores.ts";
import { gameClient, watchRoom } from "../net/gameClient.ts";
import { NetworkMeter } from "../net/NetworkMeter.ts";
import { modeOf } from "../../shared/modes/index.ts";
import { teamName } from "../../shared/modes/teams.ts";
import { css, cssVariables, teamColor } from "../palette.ts";

cssVariables();
const client = gameClient(location.origin);
const code = normalizeRoomCode(new URLSearchParams(location.search).get("room"));
const byId = (id: string) => document.getElementById(id)!;

type Board = Pick<Scoreboard, "mode" | "round" | "phase" | "secondsLeft" | "koTarget" | "holdTarget" | "teams" | "ships" | "feed" | "layout">;

function shipRows(ships: Board["ships"]): string {
  return ships
    .map(
      (ship, i) =>
        `<tr><td class="n">${i + 1}</td><td>${escapeHtml(ship.name)}${ship.bot ? " <small>bot</small>" : ""}${ship.host ? " <small>host</small>" : ""}</td><td class="n">${ship.kos}</td><td class="n">${ship.deaths}</td></tr>`,
    )
    .join("");
}

function render(target: HTMLElement, board: Board): void {
  // In a team mode each team is a block under its name and score, its ships ranked within it.
  const rows =
    board.teams.length === 0
      ? shipRows(board.ships)
      : board.teams
          .map(
            ({ team, score }) =>
              `<tr class="team" data-team="${team}" style="background:${css(teamColor(team), 0.25)}"><th colspan="3">${teamName(team)}</th><th class="n">${score}</th></tr>` +
              shipRows(board.ships.filter((ship) => ship.team === team)),
          )
          .join("");
  const mode = modeOf(board);
  const clock = board.phase === "results" ? "results" : `${clockText(board.secondsLeft)} left`;
  const feed =
    board.feed
      .slice(0, 6)
      .map((ko) => `<li>${escapeHtml(ko.killer)} ✕ ${escapeHtml(ko.victim)}</li>`)
      .join("") || "<li>No knock-outs yet</li>";
  target.innerHTML =
    `<p>${mode.label} · ${escapeHtml(board.layout)} · round ${board.round} · ${clock} · ${mode.goal(board)}</p>` +
    `<table><thead><tr><th class="n">#</th><th>Pilot</th><th class="n">KOs</th><th class="n">Deaths</th></tr></thead><tbody>${rows}</tbody></table>` +
    `<ul class="feed">${feed}</ul>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Keeps an "updated N s ago" label current. */
function ageLabel(id: string, prefix: string): (at: number) => void {
  const node = byId(id);
  let updatedAt = 0;
  setInterval(() => {
    if (!updatedAt) return;
    const seconds = (Date.now() - updatedAt) / 1000;
    node.textContent = `${prefix} ${seconds < 1 ? "just now" : `${seconds.toFixed(0)} s ago`}`;
    node.classList.toggle("stale", seconds >= 5);
  }, 200);
  return (at) => (updatedAt = at);
}

/** What one panel has cost and how current it was: the measurements behind the comparison. */
class PanelStats {
  requests = 0;
  upBytes = 0;
  downBytes = 0;
  /** When the shown data was current (wall-clock ms), sampled for the staleness figures. */
  shownAt = 0;
  private readonly staleness: number[] = [];
  readonly koLateness: number[] = [];
  private readonly seenKos = new Set<string>();

  constructor() {
    setInterval(() => {
      if (this.shownAt) this.staleness.push((Date.now() - this.shownAt) / 1000);
    }, 100);
  }

  /** A knock-out this panel shows for the first time now. */
  sawKo(ko: { killer: string; victim: string; at: number }): void {
    const key = `${ko.at}|${ko.killer}|${ko.victim}`;
    if (this.seenKos.has(key)) return;
    this.seenKos.add(key);
    this.koLateness.push(Math.max(0, (Date.now() - ko.at) / 1000));
  }

  get averageStaleness(): number {
    return average(this.staleness);
  }

  get worstStaleness(): number {
    return Math.max(0, ...this.staleness);
  }

  get averageKoLateness(): number {
    return average(this.koLateness);
  }
}

const startedAt = Date.now();
const ws = new PanelStats();
const http = new PanelStats();

async function live(roomCode: string): Promise<void> {
  const stamp = ageLabel("live-age", "updated");
  const body = byId("live-body");
  try {
    const room = await watchRoom(client, roomCode);
    const meter = new NetworkMeter();
    meter.attach(room.connection);
    // How the server saw this page's WebSocket handshake: the one HTTP request the live panel cost.
    room.onMessage("handshake", (seen) => {
      byId("live-handshake-lines").textContent = [...seen.request.map((line) => `→ ${line}`), ...seen.response.map((line) => `← ${line}`)].join("\n");
    });
    room.send("handshake");
    setInterval(() => {
      ws.upBytes = meter.totals.upBytes;
      ws.downBytes = meter.totals.downBytes;
      ws.requests = meter.totals.patches + meter.totals.broadcasts + meter.totals.direct;
    }, 200);
    const feed: Board["feed"] = [];
    const draw = () => {
      const board = { ...scoreboardFromState(room.state), feed };
      render(body, board);
      byId("live").dataset.kos = String(board.ships.reduce((sum, ship) => sum + ship.kos, 0));
      stamp(Date.now());
      ws.shownAt = Date.now();
    };
    const chatLog = byId("chat-log");
    let chatLines = 0;
    room.onMessage("chat", (message) => {
      if (chatLines++ === 0) chatLog.replaceChildren();
      const line = document.createElement("li");
      // Set as text, never as HTML: the server cleans chat, and the page still never renders it as markup.
      line.textContent = `${message.name}: ${message.text}`;
      chatLog.append(line);
      while (chatLog.children.length > 30) chatLog.firstElementChild?.remove();
    });
    room.onMessage("ko", (wire) => {
      const message = koFromWire(wire);
      const name = (id: string) => room.state.ships.get(id)?.name ?? "?";
      const ko = { killer: name(message.killer), victim: name(message.victim), at: message.at };
      feed.unshift(ko);
      draw();
      ws.sawKo(ko);
    });
    // Every patch carries the room's clock, so the panel is redrawn as they arrive.
    room.onStateChange(draw);
    room.onLeave(() => (byId("live-age").textContent = "the room has closed"));
  } catch (error) {
    body.innerHTML = `<p class="error">${escapeHtml(error instanceof Error ? error.message : String(error))}</p>`;
  }
}

type Mode = "refresh" | "poll" | "long";

async function fetched(roomCode: string): Promise<void> {
  const stamp = ageLabel("http-age", "fetched");
  const body = byId("http-body");
  const modeSelect = byId("http-mode") as HTMLSelectElement;
  const everyInput = byId("poll-every") as HTMLInputElement;
  const params = new URLSearchParams(location.search);
  modeSelect.value = ["refresh", "poll", "long"].includes(params.get("mode") ?? "") ? params.get("mode")! : "refresh";
  everyInput.value = String(Math.min(10, Math.max(1, Number(params.get("every")) || 2)));
  let version: number | null = null;
  /** One request; `wait` makes it a long poll for a version after this one. */
  const load = async (wait?: number) => {
    let board: Scoreboard | { error: string };
    try {
      const response = await client.http.get("/api/rooms/:code/scoreboard", { params: { code: roomCode }, query: wait === undefined ? {} : { wait } });
      board = response.data;
      http.requests++;
      http.upBytes += Number(response.headers.get("x-request-bytes") ?? 0);
      http.downBytes += transferSize(response.raw.url);
    } catch (error) {
      board = { error: error instanceof Error ? error.message : String(error) };
    }
    if ("error" in board) {
      body.innerHTML = `<p class="error">${escapeHtml(board.error)}.</p>`;
      return false;
    }
    render(body, board);
    byId("http").dataset.kos = String(board.ships.reduce((sum, ship) => sum + ship.kos, 0));
    stamp(board.at);
    http.shownAt = board.at;
    version = board.version;
    for (const ko of board.feed) if (ko.at >= startedAt) http.sawKo(ko);
    return true;
  };
  byId("refresh").addEventListener("click", () => void load());
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;
  const run = async () => {
    const mine = ++generation;
    if (timer) clearTimeout(timer);
    const mode = modeSelect.value as Mode;
    if (mode === "poll") {
      const tick = async () => {
        if (mine !== generation) return;
        await load();
        timer = setTimeout(tick, Number(everyInput.value) * 1000);
      };
      await tick();
    } else if (mode === "long") {
      // The server holds each request until the scores change (or 25 s pass); the next one goes out at once.
      while (mine === generation && (await load(version ?? undefined))) {}
    } else {
      await load();
    }
  };
  modeSelect.addEventListener("change", () => void run());
  everyInput.addEventListener("change", () => void run());
  setInterval(() => showCosts(modeSelect.value as Mode, Number(everyInput.value)), 500);
  await run();
}

/** The answer's size on the wire (headers and body), from the browser's Resource Timing. */
function transferSize(url: string): number {
  const entries = performance.getEntriesByName(url) as PerformanceResourceTiming[];
  performance.clearResourceTimings();
  return entries.reduce((sum, entry) => sum + entry.transferSize, 0);
}

function showCosts(mode: Mode, every: number): void {
  const row = (stats: PanelStats) =>
    `<td class="n">${stats.requests}</td><td class="n">${kb(stats.upBytes)}</td><td class="n">${kb(stats.downBytes)}</td>` +
    `<td class="n">${stats.averageStaleness.toFixed(2)} s / ${stats.worstStaleness.toFixed(1)} s</td>` +
    `<td class="n">${stats.koLateness.length}, ${stats.averageKoLateness.toFixed(2)} s</td>`;
  byId("cost-ws").innerHTML = `<th>WebSocket</th>${row(ws)}`;
  const label = mode === "poll" ? `polling every ${every} s` : mode === "long" ? "long polling" : "Refresh button";
  byId("cost-http").innerHTML = `<th>HTTP, ${label}</th>${row(http)}`;
  const seconds = Math.round((Date.now() - startedAt) / 1000);
  const summary = byId("summary");
  summary.textContent =
    `Over ${seconds} s: WebSocket 1 handshake, ${kb(ws.upBytes + ws.downBytes)}, KOs shown ${ws.averageKoLateness.toFixed(2)} s after they happened; ` +
    `${label}: ${http.requests} requests, ${kb(http.upBytes + http.downBytes)}, KOs ${http.averageKoLateness.toFixed(2)} s late.`;
  Object.assign(summary.dataset, {
    httpRequests: String(http.requests),
    wsKos: String(ws.koLateness.length),
    wsKoLate: ws.averageKoLateness.toFixed(3),
    wsKoLateMedian: median(ws.koLateness).toFixed(3),
    httpKos: String(http.koLateness.length),
    httpKoLate: http.averageKoLateness.toFixed(3),
  });
}

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
}

function average(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

if (!code) {
  byId("title").textContent = "Scoreboard: add ?room=CODE to the address";
} else {
  byId("title").textContent = `Scoreboard · room ${code}`;
  void live(code);
  void fetched(code);
}
