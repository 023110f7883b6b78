/** Ship colours, indexed by the `hue` the server assigns. Chosen to stay apart on a dark floor. */
export const SHIP_COLORS = [0x4cc9f0, 0xf72585, 0xffd166, 0x06d6a0, 0xff8c42, 0xb388ff, 0xef476f, 0x90e0ef] as const;

export function shipColor(hue: number): number {
  return SHIP_COLORS[hue % SHIP_COLORS.length]!;
}

export const FLOOR_COLOR = 0x0d1117;
export const GRID_COLOR = 0x161b26;
export const WALL_COLOR = 0x2b3245;
export const WALL_EDGE_COLOR = 0x4a5570;
export const TEXT_COLOR = "#e6edf3";
export const MUTED_TEXT_COLOR = "#8b95a7";

/** Green, then yellow below half, then red below a quarter. */
export function healthColor(share: number): number {
  return share > 0.5 ? 0x4ade80 : share > 0.25 ? 0xfacc15 : 0xef4444;
}
