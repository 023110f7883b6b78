// A room's settings as boxes to fill in (shared/settings.ts): the mode and the
// arena picked from lists, each number kept to its range. The lobby's create form and the host's
// panel both use it.
import { MODES } from "../../shared/modes/index.ts";
import { ARENAS, MODE_NAMES, type ModeName, NUMBER_SETTINGS, type NumberSetting, type RoomSettings } from "../../shared/settings.ts";
import { COLORS, css } from "../palette.ts";
import { boxStyle, element } from "./dom.ts";

/** Each number setting's label, and the unit shown after its box. */
const NUMBER_LABELS: Record<NumberSetting, { label: string; unit: string }> = {
  roundSeconds: { label: "Round length", unit: "s" },
  koTarget: { label: "KO target", unit: "KOs" },
  holdTarget: { label: "Hold target", unit: "points, King of the Hill" },
  bots: { label: "Bots", unit: "ships at most" },
  maxPlayers: { label: "Room size", unit: "players" },
};

export class SettingsFields {
  readonly root: HTMLDivElement;
  /** What is wrong with what was filled in, shown under the boxes. */
  readonly problem: HTMLDivElement;
  private readonly mode: HTMLSelectElement;
  private readonly numbers = new Map<NumberSetting, HTMLInputElement>();
  private readonly arena: HTMLSelectElement;
  private readonly wordFilter: HTMLInputElement;

  constructor() {
    this.root = element("div", { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(200px, 1fr))", gap: "10px 16px" });
    this.mode = element("select", boxStyle(COLORS.panel));
    this.mode.name = "mode";
    for (const name of MODE_NAMES) {
      const option = element("option", {}, MODES[name].label);
      option.value = name;
      option.title = MODES[name].summary;
      this.mode.append(option);
    }
    this.root.append(field("Mode", this.mode, ""));
    for (const [name, { min, max }] of Object.entries(NUMBER_SETTINGS) as Array<[NumberSetting, { min: number; max: number }]>) {
      const input = element("input", boxStyle(COLORS.panel));
      Object.assign(input, { type: "number", name, min: String(min), max: String(max), step: "1", required: true, inputMode: "numeric" });
      input.style.width = "84px";
      this.numbers.set(name, input);
      const { label, unit } = NUMBER_LABELS[name];
      this.root.append(field(label, input, `${unit} (${min}–${max})`));
    }
    this.arena = element("select", boxStyle(COLORS.panel));
    this.arena.name = "arena";
    for (const arena of ARENAS) {
      const option = element("option", {}, arena === "rotate" ? "Each in turn" : arena);
      option.value = arena;
      this.arena.append(option);
    }
    this.root.append(field("Arena", this.arena, ""));
    this.wordFilter = element("input", { width: "20px", height: "20px" });
    Object.assign(this.wordFilter, { type: "checkbox", name: "wordFilter" });
    this.root.append(field("Word filter", this.wordFilter, "masks listed words in names and chat"));
    this.problem = element("div", { minHeight: "18px", color: css(COLORS.danger) });
  }

  fill(settings: RoomSettings): void {
    for (const [name, input] of this.numbers) input.value = String(settings[name]);
    this.mode.value = settings.mode;
    this.arena.value = settings.arena;
    this.wordFilter.checked = settings.wordFilter;
    this.problem.textContent = "";
  }

  focus(): void {
    this.mode.focus();
  }

  /** The settings as filled in, or null (and what is wrong, shown) if one is out of its range. */
  read(): RoomSettings | null {
    const settings: Partial<RoomSettings> = { mode: this.mode.value as ModeName, arena: this.arena.value, wordFilter: this.wordFilter.checked };
    for (const [name, input] of this.numbers) {
      const { min, max } = NUMBER_SETTINGS[name];
      const value = Number(input.value);
      if (input.value.trim() === "" || !Number.isInteger(value) || value < min || value > max) {
        this.problem.textContent = `${NUMBER_LABELS[name].label} is a whole number from ${min} to ${max}.`;
        input.focus();
        return null;
      }
      settings[name] = value;
    }
    this.problem.textContent = "";
    return settings as RoomSettings;
  }
}

/** A label over its box, with a hint after the box. */
function field(label: string, box: HTMLElement, hint: string): HTMLLabelElement {
  const node = element("label", { display: "flex", flexDirection: "column", gap: "4px" });
  const line = element("span", { display: "flex", alignItems: "center", gap: "8px" });
  line.append(box, element("span", { color: css(COLORS.muted), fontSize: "13px" }, hint));
  node.append(element("span", { color: css(COLORS.muted) }, label), line);
  return node;
}
