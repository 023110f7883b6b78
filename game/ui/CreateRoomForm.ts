// The lobby's form for a private room: its settings (SettingsFields), the
// server's defaults filled in (GET /api/settings). Creating hands the chosen
// settings to the lobby; Cancel folds the form away.
import { DEFAULT_SETTINGS, type RoomSettings } from "../../shared/settings.ts";
import { COLORS, css, FONTS } from "../palette.ts";
import { button, element } from "./dom.ts";
import { SettingsFields } from "./SettingsFields.ts";

export class CreateRoomForm {
  readonly root: HTMLFormElement;
  private readonly fields = new SettingsFields();
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
    const submit = button("Create room", () => {}, true);
    submit.type = "submit";
    const cancel = button("Cancel", () => this.close());
    cancel.type = "button";
    const actions = element("div", { display: "flex", gap: "8px", flexWrap: "wrap" });
    actions.append(submit, cancel);
    this.root.append(element("div", { font: `700 15px ${FONTS.ui}` }, "Your private room"), this.fields.root, this.fields.problem, actions);
    this.root.noValidate = true;
    this.root.addEventListener("submit", (event) => {
      event.preventDefault();
      const settings = this.fields.read();
      if (settings) create(settings);
    });
  }

  /** Opens the form with the server's defaults (the game's own if the server cannot be asked). */
  async open(): Promise<void> {
    const defaults = await fetch(new URL("/api/settings", this.endpoint))
      .then((response) => (response.ok ? (response.json() as Promise<RoomSettings>) : DEFAULT_SETTINGS))
      .catch(() => DEFAULT_SETTINGS);
    this.fields.fill(defaults);
    this.root.style.display = "flex";
    this.fields.focus();
  }

  close(): void {
    this.root.style.display = "none";
  }
}
