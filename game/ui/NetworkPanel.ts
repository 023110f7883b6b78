// The network panel (F3 or backquote, or the NET button on touch screens): the live
// WebSocket behind the game, measured from the real connection, with a strip that
// draws every input going up and every patch coming down, and a latency simulator.
import type { ArenaConnection } from "../net/ArenaConnection.ts";
import { COLORS, css, FONTS } from "../palette.ts";
import { element } from "./dom.ts";
import type { Frame } from "../net/NetworkMeter.ts";

const STRIP_SECONDS = 3;
const STRIP_WIDTH = 344;
const STRIP_HEIGHT = 76;
const TEXT_REFRESH_MS = 250;

export class NetworkPanel {
  private readonly root: HTMLDivElement;
  private readonly text: HTMLPreElement;
  private readonly strip: HTMLCanvasElement;
  private readonly rtt: HTMLInputElement;
  private readonly jitter: HTMLInputElement;
  private readonly simLabel: HTMLSpanElement;
  private textUpdatedAt = 0;
  private connection: ArenaConnection | null = null;
  isOpen = false;

  constructor(parent: HTMLElement, initialSimulation: { rttMs: number; jitterMs: number }) {
    this.root = element("div", {
      position: "fixed",
      left: "8px",
      top: "36px",
      width: `${STRIP_WIDTH + 16}px`,
      padding: "8px",
      background: css(COLORS.panel, 0.9),
      border: `1px solid ${css(COLORS.edge)}`,
      borderRadius: "8px",
      color: css(COLORS.text),
      font: `12px ${FONTS.mono}`,
      zIndex: "10",
      display: "none",
    });
    this.root.id = "network-panel";
    const title = element("div", { fontWeight: "bold", marginBottom: "4px" });
    title.textContent = "Network · F3 or ` to close";
    this.text = element("pre", { margin: "0 0 6px", whiteSpace: "pre", lineHeight: "1.45" });
    this.strip = element("canvas", { display: "block", background: css(COLORS.floor), borderRadius: "4px" });
    this.strip.width = STRIP_WIDTH;
    this.strip.height = STRIP_HEIGHT;

    const sim = element("div", { marginTop: "6px", display: "grid", gridTemplateColumns: "auto 1fr", gap: "2px 8px", alignItems: "center" });
    this.simLabel = element("span", { gridColumn: "1 / 3", color: css(COLORS.muted) });
    this.rtt = slider("sim-rtt", 0, 500, 10, initialSimulation.rttMs);
    this.jitter = slider("sim-jitter", 0, 200, 5, initialSimulation.jitterMs);
    sim.append(this.simLabel, label("added RTT", this.rtt), this.rtt, label("jitter", this.jitter), this.jitter);
    for (const input of [this.rtt, this.jitter]) input.addEventListener("input", () => this.applySimulation());

    this.root.append(title, this.text, this.strip, sim);
    parent.append(this.root);

    window.addEventListener("keydown", (event) => {
      if (event.code === "F3" || event.code === "Backquote") {
        event.preventDefault();
        this.toggle();
      }
    });
    if (window.matchMedia?.("(pointer: coarse)").matches) this.addTouchButton(parent);
  }

  /** The connection to show; its latency simulator takes the sliders' settings. */
  bind(connection: ArenaConnection): void {
    this.connection = connection;
    this.applySimulation();
  }

  /** Told when a key or the NET button opens or closes the panel (the settings remember it). */
  onToggle: ((open: boolean) => void) | null = null;

  toggle(): void {
    this.setOpen(!this.isOpen);
    this.onToggle?.(this.isOpen);
  }

  setOpen(open: boolean): void {
    this.isOpen = open;
    this.root.style.display = this.isOpen ? "block" : "none";
    this.textUpdatedAt = 0;
  }

  update(now: number): void {
    const connection = this.connection;
    if (!this.isOpen || !connection) return;
    if (now - this.textUpdatedAt >= TEXT_REFRESH_MS) {
      this.text.textContent = panelText(connection, now);
      this.textUpdatedAt = now;
    }
    drawStrip(this.strip, connection.meter.frames, now);
  }

  private applySimulation(): void {
    const rtt = Number(this.rtt.value);
    const jitter = Number(this.jitter.value);
    this.connection?.meter.simulate(rtt, jitter);
    this.simLabel.textContent = rtt || jitter ? `Simulating +${rtt} ms RTT ± ${jitter} ms` : "Latency simulator (off)";
  }

  private addTouchButton(parent: HTMLElement): void {
    const button = element("button", {
      position: "fixed",
      right: "8px",
      top: "8px",
      zIndex: "11",
      padding: "6px 10px",
      background: css(COLORS.panel, 0.8),
      color: css(COLORS.text),
      border: `1px solid ${css(COLORS.edge)}`,
      borderRadius: "6px",
      font: `12px ${FONTS.mono}`,
    });
    button.textContent = "NET";
    button.addEventListener("click", () => this.toggle());
    parent.append(button);
  }
}

/** Keeps a handshake line within the panel's width, cutting from the middle so its end (HTTP/1.1) shows. */
function clip(line: string): string {
  return line.length > 50 ? `${line.slice(0, 36)}…${line.slice(-13)}` : line;
}

function panelText(connection: ArenaConnection, now: number): string {
  const rates = connection.meter.rates(now);
  const { tickRate, patchRate } = connection.serverRates;
  const url = new URL(connection.handshake.url);
  const { stats } = connection;
  const seen = connection.handshake.seen;
  const totals = connection.meter.totals;
  const ping = stats.pingMs === null ? "…" : `${Math.round(stats.pingMs)} ms`;
  return [
    `Socket      ${url.protocol}//${url.host}`,
    `Room        ${connection.room.roomId}  session ${connection.sessionId}`,
    `Handshake   ${connection.handshake.at.toLocaleTimeString()}, ${Math.round(connection.handshake.durationMs)} ms, ${seen?.secure ? "HTTPS upgraded to wss" : "HTTP upgraded to ws"}`,
    ...(seen ? [...seen.request.map((line) => `  → ${clip(line)}`), ...seen.response.map((line) => `  ← ${clip(line)}`)] : []),
    `RTT         ${ping}  jitter ${Math.round(stats.jitterMs)} ms`,
    `Server      tick ${tickRate} Hz  patches ${patchRate.toFixed(0)} Hz`,
    `Up   ↑      ${rates.inputsPerSecond} inputs/s  ${bytes(rates.upBytesPerSecond)}/s  other ${rates.otherUpPerSecond}/s`,
    `Down ↓      ${rates.patchesPerSecond} patches/s  ${bytes(rates.downBytesPerSecond)}/s  other ${rates.otherDownPerSecond}/s`,
    `By mode     ↑ ${totals.inputs} inputs, ${totals.messagesUp} messages`,
    `            ↓ ${totals.patches} patches, ${totals.broadcasts} broadcasts, ${totals.direct} direct`,
    `Prediction  ${connection.pendingInputs} pending  ${stats.correctionsPerSecond(now).toFixed(1)} corrections/s`,
    `            last correction ${connection.lastCorrection.toFixed(1)}`,
  ].join("\n");
}

function bytes(count: number): string {
  return count >= 1024 ? `${(count / 1024).toFixed(1)} KB` : `${count} B`;
}

/** Inputs and other frames going up above the axis, patches and the rest coming down below, newest on the right. */
function drawStrip(canvas: HTMLCanvasElement, frames: readonly Frame[], now: number): void {
  const g = canvas.getContext("2d");
  if (!g) return;
  const mid = STRIP_HEIGHT / 2;
  g.clearRect(0, 0, STRIP_WIDTH, STRIP_HEIGHT);
  g.fillStyle = css(COLORS.edge);
  g.fillRect(0, mid, STRIP_WIDTH, 1);
  g.font = `10px ${FONTS.mono}`;
  g.fillStyle = css(COLORS.muted);
  g.fillText("↑ up: inputs", 4, 11);
  g.fillText("↓ down: patches", 4, STRIP_HEIGHT - 4);
  for (const frame of frames) {
    const age = (now - frame.at) / 1000;
    if (age > STRIP_SECONDS) continue;
    const x = STRIP_WIDTH - 1 - (age / STRIP_SECONDS) * (STRIP_WIDTH - 2);
    // Taller marks for bigger frames, so a full state or a busy patch stands out.
    const height = Math.min(mid - 14, 6 + Math.log2(1 + frame.bytes) * 2.5);
    if (frame.direction === "up") {
      g.fillStyle = css(frame.kind === "input" ? COLORS.netInput : COLORS.netUp);
      g.fillRect(x, mid - height, 1.5, height);
    } else {
      g.fillStyle = css(frame.kind === "patch" ? COLORS.netPatch : COLORS.netDown);
      g.fillRect(x, mid + 1, 1.5, height);
    }
  }
}

function slider(id: string, min: number, max: number, step: number, value: number): HTMLInputElement {
  const input = element("input", { width: "100%" });
  Object.assign(input, { type: "range", id, min: String(min), max: String(max), step: String(step), value: String(value) });
  return input;
}

function label(text: string, input: HTMLInputElement): HTMLLabelElement {
  const node = element("label", {});
  node.textContent = text;
  node.htmlFor = input.id;
  return node;
}
