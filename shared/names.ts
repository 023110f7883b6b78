import { NAME_MAX_LENGTH } from "./constants.ts";

/**
 * A display name a player may use: control characters, markup and lone UTF-16
 * surrogates removed (the state encoder writes a lone surrogate with a different
 * length than it declares, and every client then decodes the patch wrong),
 * whitespace collapsed, trimmed and cut to NAME_MAX_LENGTH characters. Always
 * well-formed text; empty when nothing usable is left.
 */
export function cleanName(raw: unknown): string {
  if (typeof raw !== "string") return "";
  const printable = raw
    .replace(/<[^>]*>/g, "")
    .replace(/[<>]/g, "")
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  return Array.from(printable).slice(0, NAME_MAX_LENGTH).join("").trim();
}
