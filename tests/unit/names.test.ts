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

  it("cuts long names and rejects what is not a name", () => {
    expect(Array.from(cleanName("x".repeat(100)))).toHaveLength(NAME_MAX_LENGTH);
    expect(cleanName(42)).toBe("");
    expect(cleanName({ name: "Mallory" })).toBe("");
    expect(cleanName(" \n\t ")).toBe("");
  });
});
