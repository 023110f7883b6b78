// docs/testing.md cannot drift from the code: each of its examples is a region
// of a test file that npm test runs, shown exactly as it is there.
import { readFileSync } from "node:fs";
import { join, matchesGlob } from "node:path";
import { describe, expect, it } from "vitest";
import { examplesOf, regionOf } from "../../scripts/lib/guideExamples.ts";
import config from "../vitest.config.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const guide = readFileSync(join(ROOT, "docs", "testing.md"), "utf8");
const { examples, typescriptBlocks } = examplesOf(guide);

describe("docs/testing.md", () => {
  it("shows no TypeScript that is not an example taken from a test", () => {
    expect(examples.length).toBeGreaterThanOrEqual(9);
    expect(examples.length, "every ```ts block is marked <!-- example: FILE#REGION -->").toBe(typescriptBlocks);
  });

  it.each(examples.map((example) => [`${example.file}${example.region ? `#${example.region}` : ""} (line ${example.line})`, example] as const))(
    "shows %s exactly as the test that npm test runs",
    (_name, example) => {
      const include = config.test?.include ?? [];
      expect(
        include.some((pattern) => matchesGlob(example.file, pattern)),
        `${example.file} is a test npm test runs`,
      ).toBe(true);
      const source = regionOf(readFileSync(join(ROOT, example.file), "utf8"), example.region, example.file);
      expect(example.shown, `docs/testing.md, line ${example.line}, differs from ${example.file}: run npm run docs, or fix the example`).toBe(source);
    },
  );

  it("is linked from the README", () => {
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain("(docs/testing.md)");
  });
});
