// Small helpers for the DOM parts of the client (lobby, panels, scoreboard page).
import { COLORS, css, FONTS } from "../palette.ts";

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, style: Partial<CSSStyleDeclaration> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node.style, style);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function button(label: string, onClick: () => void, primary = false): HTMLButtonElement {
  const node = element(
    "button",
    {
      padding: "9px 14px",
      borderRadius: "6px",
      border: `1px solid ${css(primary ? COLORS.accent : COLORS.edge)}`,
      background: css(primary ? COLORS.accent : COLORS.control),
      color: css(primary ? COLORS.backdrop : COLORS.text),
      font: `600 14px ${FONTS.ui}`,
      cursor: "pointer",
    },
    label,
  );
  node.addEventListener("click", onClick);
  return node;
}

export function textInput(id: string, placeholder: string, maxLength: number): HTMLInputElement {
  const input = element("input", {
    padding: "9px 10px",
    borderRadius: "6px",
    border: `1px solid ${css(COLORS.edge)}`,
    background: css(COLORS.floor),
    color: css(COLORS.text),
    font: `15px ${FONTS.ui}`,
    minWidth: "0",
  });
  Object.assign(input, { id, placeholder, maxLength, autocomplete: "off", spellcheck: false });
  return input;
}
