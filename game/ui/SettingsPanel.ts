// The settings panel (the gear button, or Esc): volume, screen shake, the
// colour-blind palette and the network panel, remembered in this browser.
import { FONTS } from "../palette.ts";
import { button, dialog, element } from "./dom.ts";

export interface Settings {
  /** Sound volume, 0..1. */
  volume: number;
  shake: boolean;
  colorBlind: boolean;
  networkPanel: boolean;
}

const SETTINGS_KEY = "skirmish.settings";

/** Shake starts off for people who asked their system for less motion. */
function defaults(): Settings {
  const reducedMotion = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
  return { volume: 0.8, shake: !reducedMotion, colorBlind: false, networkPanel: false };
}

function load(): Settings {
  try {
    return { ...defaults(), ...(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? "{}") as Partial<Settings>) };
  } catch {
    return defaults();
  }
}

export class SettingsPanel {
  settings: Settings = load();
  private readonly root: HTMLDivElement;
  private readonly apply: (settings: Settings) => void;
  isOpen = false;
  private openHostControls: (() => void) | null = null;
  private readonly hostButton = button("Host controls…", () => {
    this.setOpen(false);
    this.openHostControls?.();
  });

  /** `apply` is called now with the remembered settings, and again on every change. */
  constructor(parent: HTMLElement, apply: (settings: Settings) => void) {
    this.apply = apply;
    this.root = dialog("settings", "Settings", "min(360px, 90vw)", 30);
    this.hostButton.style.display = "none";
    const title = element("div", { font: `700 20px ${FONTS.ui}` }, "Settings");
    const volume = element("input", { width: "100%" });
    Object.assign(volume, { type: "range", id: "setting-volume", min: "0", max: "1", step: "0.05", value: String(this.settings.volume) });
    volume.addEventListener("input", () => this.change({ volume: Number(volume.value) }));
    this.root.append(
      title,
      labelled("Volume", volume),
      this.checkbox("setting-shake", "Screen shake", "shake"),
      this.checkbox("setting-color-blind", "Colour-blind palette", "colorBlind"),
      this.checkbox("setting-network", "Network panel", "networkPanel"),
      this.hostButton,
      button("Close (Esc)", () => this.setOpen(false), true),
    );
    parent.append(this.root);
    addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.setOpen(!this.isOpen);
    });
    apply(this.settings);
  }

  /** Offers the host's panel among the settings while `open` is given (the host's), and not otherwise. */
  setHostControls(open: (() => void) | null): void {
    // Asked every frame: the page's style is touched only when the answer changes (reading it back costs as much).
    if ((open !== null) !== (this.openHostControls !== null)) this.hostButton.style.display = open ? "" : "none";
    this.openHostControls = open;
  }

  setOpen(open: boolean): void {
    this.isOpen = open;
    this.root.style.display = open ? "flex" : "none";
  }

  /** Changes some settings (the network panel's key also goes through here), applies and remembers them. */
  change(changes: Partial<Settings>): void {
    this.settings = { ...this.settings, ...changes };
    for (const [key, value] of Object.entries(changes)) {
      const box = this.root.querySelector<HTMLInputElement>(`input[data-setting="${key}"]`);
      if (box && typeof value === "boolean") box.checked = value;
    }
    try {
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(this.settings));
    } catch {
      // Storage can be unavailable (private mode): the settings hold for this visit.
    }
    this.apply(this.settings);
  }

  private checkbox(id: string, text: string, key: "shake" | "colorBlind" | "networkPanel"): HTMLLabelElement {
    const box = element("input", { width: "20px", height: "20px" });
    Object.assign(box, { type: "checkbox", id, checked: this.settings[key] });
    box.dataset.setting = key;
    box.addEventListener("change", () => this.change({ [key]: box.checked }));
    return labelled(text, box);
  }
}

function labelled(text: string, control: HTMLInputElement): HTMLLabelElement {
  const label = element("label", { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "12px", minHeight: "32px" });
  label.append(element("span", {}, text), control);
  return label;
}
