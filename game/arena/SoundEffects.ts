// Sound effects synthesised with Web Audio, so the game ships no audio files.
// Browsers only start audio after a user gesture: unlock() is called on the first one.

const MUTE_KEY = "skirmish.muted";

export type SoundName = "shoot" | "hurt" | "ko" | "pickup" | "dash" | "respawn" | "warning";

export class SoundEffects {
  private context: AudioContext | null = null;
  private noise: AudioBuffer | null = null;
  private master: GainNode | null = null;
  /** Master volume, 0..1 (the settings panel's slider). */
  private level = 1;
  muted = readMuted();

  set volume(level: number) {
    this.level = Math.min(1, Math.max(0, level));
    if (this.master) this.master.gain.value = this.level;
  }

  unlock(): void {
    if (!this.context && typeof AudioContext !== "undefined") this.context = new AudioContext();
    void this.context?.resume();
  }

  toggleMute(): boolean {
    this.muted = !this.muted;
    try {
      localStorage.setItem(MUTE_KEY, this.muted ? "1" : "0");
    } catch {
      // Storage can be unavailable (private mode); muting still works for this visit.
    }
    return this.muted;
  }

  play(name: SoundName): void {
    const ctx = this.context;
    if (this.muted || !ctx || ctx.state !== "running") return;
    const t = ctx.currentTime;
    switch (name) {
      case "shoot":
        this.tone(ctx, t, "square", 880, 440, 0.07, 0.05);
        break;
      case "hurt":
        this.tone(ctx, t, "sawtooth", 220, 110, 0.15, 0.12);
        this.burst(ctx, t, 0.1, 0.15, 900);
        break;
      case "ko":
        this.tone(ctx, t, "triangle", 520, 70, 0.5, 0.2);
        this.burst(ctx, t, 0.35, 0.18, 600);
        break;
      case "pickup":
        [523, 659, 784].forEach((f, i) => {
          this.tone(ctx, t + i * 0.06, "triangle", f, f, 0.09, 0.12);
        });
        break;
      case "dash":
        this.burst(ctx, t, 0.16, 0.1, 3000);
        break;
      case "respawn":
        this.tone(ctx, t, "sine", 300, 900, 0.25, 0.12);
        break;
      case "warning":
        // Two falling beeps: about to be moved out for idling.
        [0, 0.22].forEach((delay) => {
          this.tone(ctx, t + delay, "square", 740, 520, 0.16, 0.09);
        });
        break;
    }
  }

  private tone(ctx: AudioContext, at: number, type: OscillatorType, from: number, to: number, duration: number, volume: number): void {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = type;
    osc.frequency.setValueAtTime(from, at);
    osc.frequency.exponentialRampToValueAtTime(Math.max(to, 1), at + duration);
    gain.gain.setValueAtTime(volume, at);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + duration);
    osc.connect(gain).connect(this.output(ctx));
    osc.start(at);
    osc.stop(at + duration);
  }

  /** Every sound goes through one gain node: the master volume. */
  private output(ctx: AudioContext): GainNode {
    if (!this.master) {
      this.master = ctx.createGain();
      this.master.gain.value = this.level;
      this.master.connect(ctx.destination);
    }
    return this.master;
  }

  private burst(ctx: AudioContext, at: number, duration: number, volume: number, cutoff: number): void {
    this.noise ??= whiteNoise(ctx);
    const source = ctx.createBufferSource();
    const filter = ctx.createBiquadFilter();
    const gain = ctx.createGain();
    source.buffer = this.noise;
    filter.type = "lowpass";
    filter.frequency.value = cutoff;
    gain.gain.setValueAtTime(volume, at);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + duration);
    source.connect(filter).connect(gain).connect(this.output(ctx));
    source.start(at);
    source.stop(at + duration);
  }
}

function whiteNoise(ctx: AudioContext): AudioBuffer {
  const buffer = ctx.createBuffer(1, ctx.sampleRate / 2, ctx.sampleRate);
  const data = buffer.getChannelData(0);
  // Presentation only, outside the simulation: Math.random is fine here.
  for (let i = 0; i < data.length; i++) data[i] = Math.random() * 2 - 1;
  return buffer;
}

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === "1";
  } catch {
    return false;
  }
}
