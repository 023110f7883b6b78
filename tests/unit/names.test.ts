import { describe, expect, it } from "vitest";
import { NAME_MAX_LENGTH } from "../../shared/constants.ts";
import { cleanName } from "../../shared/names.ts";

describe("cleanName", () => {
  it("trims, collapses whitespace and keeps ordinary names as they are", () => {
    expect(cleanName("  Ada   Lovelace ")).toBe("Ada Lovelace");
    expect(cleanName("Zoë 🚀")).toBe("Zoë 🚀");
  });

  it("removes control characters and markup", () => {
    expect(cleanName("Bad\u0000\u0007Name\u202e")).toBe("BadName");
    expect(cleanName("<script>alert(1)</script>Eve")).toBe("alert(1)Eve");
    expect(cleanName("<b>Bold</b> <i>")).toBe("Bold");
    expect(cleanName("a<b")).toBe("ab");
  });

  it("removes lone UTF-16 surrogates and keeps the pairs that make a character", () => {
    expect(cleanName("Al\uD800ice\uDC00 \uD83D\uDE80")).toBe("Alice 🚀");
    expect(cleanName("\uDFFF\uD800")).toBe("");
  });

  it("turns any string of UTF-16 code units into well-formed text of bounded length", () => {
    // Every class of code unit, mixed at random: ASCII, controls, BMP letters, surrogates of either half, pairs.
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const units = [0x41, 0x1f, 0x7f, 0xe9, 0x202e, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfffe];
    for (let i = 0; i < 2000; i++) {
      const raw = String.fromCharCode(...Array.from({ length: 1 + Math.floor(next() * 40) }, () => units[Math.floor(next() * units.length)]!));
      const name = cleanName(raw);
      expect(name.isWellFormed(), JSON.stringify(raw)).toBe(true);
      expect(Array.from(name).length).toBeLessThanOrEqual(NAME_MAX_LENGTH);
    }
  });

  it("cuts long names and rejects what is not a name", () => {
    expect(Array.from(cleanName("x".repeat(100)))).toHaveLength(NAME_MAX_LENGTH);
    expect(cleanName(42)).toBe("");
    expect(cleanName({ name: "Mallory" })).toBe("");
    expect(cleanName(" \n\t ")).toBe("");
  });
});
