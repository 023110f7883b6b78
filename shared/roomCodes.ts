// Room codes: short, easy to read aloud and type. No 0/O or 1/I to mix up.

export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 5;

/** A code from `randomIndex` (which returns 0..n-1), e.g. crypto.randomInt. */
export function makeRoomCode(randomIndex: (n: number) => number): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomIndex(CODE_ALPHABET.length)];
  return code;
}

/** The code a player typed, in capitals without spaces, or null if it cannot be a room code. */
export function normalizeRoomCode(typed: unknown): string | null {
  if (typeof typed !== "string") return null;
  const code = typed.replace(/\s+/g, "").toUpperCase();
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}
