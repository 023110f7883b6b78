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

/** The look of a box to type in or pick from, on a background of `background`. */
export function boxStyle(background: number = COLORS.floor): Partial<CSSStyleDeclaration> {
  return {
    padding: "8px 10px",
    borderRadius: "6px",
    border: `1px solid ${css(COLORS.edge)}`,
    background: css(background),
    color: css(COLORS.text),
    font: `15px ${FONTS.ui}`,
    minWidth: "0",
  };
}

/** A panel in the middle of the screen, hidden until opened (display: flex), at most `width` wide and scrolling when taller than the screen. */
export function dialog(id: string, label: string, width: string, zIndex: number): HTMLDivElement {
  const root = element("div", {
    position: "fixed",
    left: "50%",
    top: "50%",
    transform: "translate(-50%, -50%)",
    width,
    maxHeight: "92vh",
    overflowY: "auto",
    boxSizing: "border-box",
    padding: "18px",
    borderRadius: "12px",
    background: css(COLORS.panel, 0.95),
    border: `1px solid ${css(COLORS.edge)}`,
    color: css(COLORS.text),
    font: `15px ${FONTS.ui}`,
    zIndex: String(zIndex),
    display: "none",
    flexDirection: "column",
    gap: "12px",
  });
  root.id = id;
  root.setAttribute("role", "dialog");
  root.setAttribute("aria-label", label);
  return root;
}

export function textInput(id: string, placeholder: string, maxLength: number): HTMLInputElement {
  const input = element("input", boxStyle());
  Object.assign(input, { id, placeholder, maxLength, autocomplete: "off", spellcheck: false });
  return input;
}
