// Where each ship can be in the rewind history: a box around every position the
// framework's rewind has sampled for it over the rewind window (and the sample
// just before, which an interpolation back to the window's start reads). A
// rewound position is one of those samples or between two of them, so it is in
// the box: a bullet whose path stays a ship's reach away from the box cannot hit
// that ship, and lag compensation need not look its positions up at all.
import type { Rewind } from "@colyseus/core";
import { MAX_REWIND_MS } from "../shared/constants.ts";
import type { Box } from "../shared/geometry.ts";

interface Sample {
  t: number;
  x: number;
  y: number;
}

type Positioned = { x: number; y: number };

export class RewindBounds<Ship extends Positioned> {
  private readonly samples = new WeakMap<Ship, Sample[]>();
  private readonly boxes = new WeakMap<Ship, Box>();

  /** Samples `ships` each time `rewind` records them (after its own record, so both hold the same instants). */
  constructor(rewind: Rewind, ships: () => Iterable<Ship>) {
    const record = rewind.record.bind(rewind);
    rewind.record = (now: number, sampleIntervalMs?: number) => {
      record(now, sampleIntervalMs);
      for (const ship of ships()) this.sample(ship, now);
    };
  }

  /** The box around where `ship` can be rewound to, or null when it has no samples yet (then its live position is read). */
  of(ship: Ship): Box | null {
    return this.boxes.get(ship) ?? null;
  }

  private sample(ship: Ship, now: number): void {
    const samples = this.samples.get(ship) ?? [];
    this.samples.set(ship, samples);
    samples.push({ t: now, x: ship.x, y: ship.y });
    // Keep one sample from before the window: a rewind to the window's start interpolates from it.
    while (samples.length > 2 && samples[1]!.t <= now - MAX_REWIND_MS) samples.shift();
    const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    for (const { x, y } of samples) {
      if (x < box.minX) box.minX = x;
      if (x > box.maxX) box.maxX = x;
      if (y < box.minY) box.minY = y;
      if (y > box.maxY) box.maxY = y;
    }
    this.boxes.set(ship, box);
  }
}
