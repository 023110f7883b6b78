// The lobby's form for a private room: its settings, the server's defaults filled
// in (GET /api/settings), each kept to its range (shared/settings.ts). Creating
// hands the chosen settings to the lobby; Cancel folds the form away.
import { ARENAS, DEFAULT_SETTINGS, NUMBER_SETTINGS, type NumberSetting, type RoomSettings } from "../../shared/settings.ts";
import { COLORS, css, FONTS } from "../palette.ts";
import { button, element } from "./dom.ts";

/** Each number setting's label, and the unit shown after its box. */
const NUMBER_LABELS: Record<NumberSetting, { label: string; unit: string }> = {
  roundSeconds: { label: "Round length", unit: "s" },
  koTarget: { label: "KO target", unit: "KOs" },
  bots: { label: "Bots", unit: "ships at most" },
  maxPlayers: { label: "Room size", unit: "players" },
};

export class CreateRoomForm {
  readonly root: HTMLFormElement;
  private readonly numbers = new Map<NumberSetting, HTMLInputElement>();
  private readonly arena: HTMLSelectElement;
  private readonly problem: HTMLDivElement;
  private readonly endpoint: string;

  constructor(endpoint: string, create: (settings: RoomSettings) => void) {
    this.endpoint = endpoint;
    this.root = element("form", {
      display: "none",
      flexDirection: "column",
      gap: "10px",
      padding: "14px",
      borderRadius: "8px",
      background: css(COLORS.floor),
      border: `1px solid ${css(COLORS.edge)}`,
    });
    this.root.id = "create-room";
    const fields = element("div", { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(200px, 1fr))", gap: "10px 16px" });
    for (const [name, { min, max }] of Object.entries(NUMBER_SETTINGS) as Array<[NumberSetting, { min: number; max: number }]>) {
      const input = element("input", boxStyle());
      Object.assign(input, { type: "number", name, min: String(min), max: String(max), step: "1", required: true, inputMode: "numeric" });
      input.style.width = "84px";
      this.numbers.set(name, input);
      const { label, unit } = NUMBER_LABELS[name];
      fields.append(field(label, input, `${unit} (${min}–${max})`));
    }
    this.arena = element("select", boxStyle());
    this.arena.name = "arena";
    for (const arena of ARENAS) {
      const option = element("option", {}, arena === "rotate" ? "Each in turn" : arena);
      option.value = arena;
      this.arena.append(option);
    }
    fields.append(field("Arena", this.arena, ""));
    this.problem = element("div", { minHeight: "18px", color: css(COLORS.danger) });
    const submit = button("Create room", () => {}, true);
    submit.type = "submit";
    const cancel = button("Cancel", () => this.close());
    cancel.type = "button";
    const actions = element("div", { display: "flex", gap: "8px", flexWrap: "wrap" });
    actions.append(submit, cancel);
    this.root.append(element("div", { font: `700 15px ${FONTS.ui}` }, "Your private room"), fields, this.problem, actions);
    this.root.noValidate = true;
    this.root.addEventListener("submit", (event) => {
      event.preventDefault();
      const settings = this.read();
      if (settings) create(settings);
    });
  }

  get isOpen(): boolean {
    return this.root.style.display !== "none";
  }

  /** Opens the form with the server's defaults (the game's own if the server cannot be asked). */
  async open(): Promise<void> {
    const defaults = await fetch(new URL("/api/settings", this.endpoint))
      .then((response) => (response.ok ? (response.json() as Promise<RoomSettings>) : DEFAULT_SETTINGS))
      .catch(() => DEFAULT_SETTINGS);
    for (const [name, input] of this.numbers) input.value = String(defaults[name]);
    this.arena.value = defaults.arena;
    this.problem.textContent = "";
    this.root.style.display = "flex";
    this.numbers.get("roundSeconds")?.focus();
  }

  close(): void {
    this.root.style.display = "none";
  }

  /** The settings as filled in, or null (and what is wrong, shown) if one is out of its range. */
  private read(): RoomSettings | null {
    const settings: Partial<RoomSettings> = { arena: this.arena.value };
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

function boxStyle(): Partial<CSSStyleDeclaration> {
  return {
    padding: "7px 8px",
    borderRadius: "6px",
    border: `1px solid ${css(COLORS.edge)}`,
    background: css(COLORS.panel),
    color: css(COLORS.text),
    font: `15px ${FONTS.ui}`,
  };
}

/** A label over its box, with a hint after the box. */
function field(label: string, box: HTMLElement, hint: string): HTMLLabelElement {
  const node = element("label", { display: "flex", flexDirection: "column", gap: "4px" });
  const line = element("span", { display: "flex", alignItems: "center", gap: "8px" });
  line.append(box, element("span", { color: css(COLORS.muted), fontSize: "13px" }, hint));
  node.append(element("span", { color: css(COLORS.muted) }, label), line);
  return node;
}
