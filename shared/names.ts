import { NAME_MAX_LENGTH } from "./constants.ts";

/**
 * A display name a player may use: control characters and markup removed,
 * whitespace collapsed, trimmed and cut to NAME_MAX_LENGTH characters. Empty when
 * nothing usable is left.
 */
export function cleanName(raw: unknown): string {
  if (typeof raw !== "string") return "";
  const printable = raw
    .replace(/<[^>]*>/g, "")
    .replace(/[<>]/g, "")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  return Array.from(printable).slice(0, NAME_MAX_LENGTH).join("").trim();
}
