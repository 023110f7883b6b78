// The word filter (server/wordFilter.ts): listed words and their disguises are
// masked, letter for letter; ordinary words that contain a listed one are not.
import { describe, expect, it } from "vitest";
import { maskWords } from "../../server/wordFilter.ts";

describe("the word filter", () => {
  it.each([
    ["you fucking idiot", "you ****ing idiot"],
    ["fuuuck", "****"],
    ["grass ass", "grass ***"],
    ["sh1t happens", "**** happens"],
  ])("masks %j as %j", (text, masked) => {
    expect(maskWords(text)).toBe(masked);
  });

  it.each(["Scunthorpe United", "classic assassin pass", "shitake mushrooms", "cocktail hour", "analysis", "Hello there", "GG well played"])(
    "leaves %j as it is",
    (text) => {
      expect(maskWords(text)).toBe(text);
    },
  );
});
