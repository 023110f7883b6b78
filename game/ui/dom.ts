// Small helpers for the DOM parts of the client (lobby, panels, scoreboard page).

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  style: Partial<CSSStyleDeclaration> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node.style, style);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The game's look for DOM controls: dark panels, light text, the wall colours for edges. */
export const THEME = {
  panel: "rgba(5,7,11,0.92)",
  edge: "#4a5570",
  text: "#e6edf3",
  muted: "#8b95a7",
  accent: "#4cc9f0",
  danger: "#ef476f",
  font: "system-ui, sans-serif",
  mono: "ui-monospace, Menlo, monospace",
};

export function button(label: string, onClick: () => void, primary = false): HTMLButtonElement {
  const node = element("button", {
    padding: "9px 14px",
    borderRadius: "6px",
    border: `1px solid ${primary ? THEME.accent : THEME.edge}`,
    background: primary ? THEME.accent : "#161b26",
    color: primary ? "#07090e" : THEME.text,
    font: `600 14px ${THEME.font}`,
    cursor: "pointer",
  }, label);
  node.addEventListener("click", onClick);
  return node;
}

export function textInput(id: string, placeholder: string, maxLength: number): HTMLInputElement {
  const input = element("input", {
    padding: "9px 10px",
    borderRadius: "6px",
    border: `1px solid ${THEME.edge}`,
    background: "#0d1117",
    color: THEME.text,
    font: `15px ${THEME.font}`,
    minWidth: "0",
  });
  Object.assign(input, { id, placeholder, maxLength, autocomplete: "off", spellcheck: false });
  return input;
}

export function secondsLeft(endsAt: number, now = Date.now()): string {
  const whole = Math.max(0, Math.ceil((endsAt - now) / 1000));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}
