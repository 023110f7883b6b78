// Every colour and font the client draws with, in one place: the arena (Phaser
// takes 0xRRGGBB numbers), the DOM pages and panels (css() turns a number into a
// CSS colour), and the two HTML pages (cssVariables() sets --name for their CSS).
import { SHIP_HUES } from "../shared/constants.ts";

export const COLORS = {
  /** Behind everything, around the letterboxed arena. */
  backdrop: 0x07090e,
  /** The centre of the lobby's backdrop glow. */
  backdropGlow: 0x141a26,
  floor: 0x0d1117,
  grid: 0x161b26,
  wall: 0x2b3245,
  wallGlow: 0x5b7cfa,
  /** Edges of walls, panels and controls. */
  edge: 0x4a5570,
  /** Panels over the arena or the page. */
  panel: 0x05070b,
  /** Buttons and list rows. */
  control: 0x161b26,
  text: 0xe6edf3,
  muted: 0x8b95a7,
  botName: 0x9fb3c8,
  /** Links, the primary button, highlighted figures. */
  accent: 0x4cc9f0,
  danger: 0xef476f,
  /** Lines about you (the kill feed), stale data. */
  highlight: 0xffd166,
  black: 0x000000,
  white: 0xffffff,
  /** The empty part of a bar. */
  barTrack: 0x1f2937,
  dashCharging: 0x64748b,
  shield: 0x7df9ff,
  /** Pickups: heal, speed, rapid fire (shield uses `shield`), and the dark label on them. */
  pickupHeal: 0x4ade80,
  pickupSpeed: 0xfacc15,
  pickupRapid: 0xf97316,
  pickupLabel: 0x0b0e14,
  healthGood: 0x4ade80,
  healthLow: 0xfacc15,
  healthCritical: 0xef4444,
  /** The network panel's strip: inputs and bytes going up, patches and bytes coming down. */
  netInput: 0x4cc9f0,
  netUp: 0xb388ff,
  netPatch: 0x4ade80,
  netDown: 0xff8c42,
} as const;

export const FONTS = {
  ui: "system-ui, sans-serif",
  mono: "ui-monospace, Menlo, monospace",
} as const;

/**
 * Ship colours, indexed by the `hue` the server assigns (SHIP_HUES of them, one
 * per seat), chosen to stay apart on a dark floor. The second eight also wear a
 * stripe, so neighbours that look alike still differ.
 */
const SHIP_COLORS: readonly number[] = [
  0x4cc9f0, 0xf72585, 0xffd166, 0x06d6a0, 0xff8c42, 0xb388ff, 0xef476f, 0x90e0ef, 0x8ac926, 0x3a86ff, 0xff595e, 0xc77dff, 0xf4a261, 0x2ec4b6, 0xe9ff70,
  0xff70a6,
];
/**
 * The colour-blind-safe set (Okabe and Ito's eight, told apart by people with any
 * common colour vision deficiency), each worn plain and with a stripe: sixteen
 * looks that differ by more than hue.
 */
const COLOR_BLIND_COLORS: readonly number[] = [0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7, 0xdddddd];
if (SHIP_COLORS.length !== SHIP_HUES) throw new Error(`palette.ts has ${SHIP_COLORS.length} ship colours for ${SHIP_HUES} hues`);

/**
 * In a team mode each team wears a colour family (warm Red, cool Blue), a ship's
 * hue picking its shade and stripe within it, so names keep their own look inside
 * the team. The colour-blind families split Okabe and Ito's set along the axis
 * every common deficiency keeps: orange and vermillion against blue (Okabe and
 * Ito's grey gives way to a pale blue, which no one takes for a hit's flash).
 */
const TEAM_COLORS: Readonly<Record<number, readonly number[]>> = {
  1: [0xff595e, 0xff8c42, 0xf72585, 0xffd166],
  2: [0x4cc9f0, 0x3a86ff, 0x90e0ef, 0x2ec4b6],
};
const COLOR_BLIND_TEAM_COLORS: Readonly<Record<number, readonly number[]>> = {
  1: [0xd55e00, 0xe69f00, 0xf0e442, 0xcc79a7],
  2: [0x0072b2, 0x56b4e9, 0x009e73, 0x88ccee],
};

let colorBlind = false;

/** Switches every ship to the colour-blind-safe set (the settings panel's choice). */
export function useColorBlindPalette(on: boolean): void {
  colorBlind = on;
}

/** A team's own colour (the first of its family), for its score and its name; the text colour for no team. */
export function teamColor(team: number): number {
  return (colorBlind ? COLOR_BLIND_TEAM_COLORS : TEAM_COLORS)[team]?.[0] ?? COLORS.text;
}

/** How a ship looks: its colour (its team's family in a team mode), and whether it wears a stripe. */
export function shipLook({ hue, team }: { hue: number; team: number }): { color: number; striped: boolean } {
  const family = (colorBlind ? COLOR_BLIND_TEAM_COLORS : TEAM_COLORS)[team];
  if (family) return { color: family[hue % family.length]!, striped: Math.floor(hue / family.length) % 2 === 1 };
  const index = hue % SHIP_HUES;
  if (colorBlind) return { color: COLOR_BLIND_COLORS[index % COLOR_BLIND_COLORS.length]!, striped: index >= COLOR_BLIND_COLORS.length };
  return { color: SHIP_COLORS[index]!, striped: index >= SHIP_HUES / 2 };
}

/** A ship's colour (the text colour for a ship that is gone). */
export function shipColor(ship: { hue: number; team: number } | undefined): number {
  return ship ? shipLook(ship).color : COLORS.text;
}

/** Green, then yellow below half, then red below a quarter. */
export function healthColor(share: number): number {
  return share > 0.5 ? COLORS.healthGood : share > 0.25 ? COLORS.healthLow : COLORS.healthCritical;
}

/** A palette number as a CSS colour, optionally translucent. */
export function css(color: number, alpha = 1): string {
  const hex = `#${color.toString(16).padStart(6, "0")}`;
  return alpha >= 1
    ? hex
    : `${hex}${Math.round(alpha * 255)
        .toString(16)
        .padStart(2, "0")}`;
}

/** Sets every palette colour as a CSS variable (--text, --accent, ...) on the page, for its style sheet. */
export function cssVariables(root: HTMLElement = document.documentElement): void {
  for (const [name, color] of Object.entries(COLORS)) root.style.setProperty(`--${name}`, css(color));
  for (const [name, font] of Object.entries(FONTS)) root.style.setProperty(`--font-${name}`, font);
}
