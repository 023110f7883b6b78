// Deterministic "randomness" for the rules: a hash of the tick and the entity,
// so a replay of the same inputs makes the same choices. Never Math.random.

/** A number in [0, 1) that depends only on its arguments. */
export function seededRandom(tick: number, entity: string, salt = 0): number {
  let h = Math.imul(tick ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35);
  for (let i = 0; i < entity.length; i++) {
    h = Math.imul(h ^ entity.charCodeAt(i), 0x27d4eb2d);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
