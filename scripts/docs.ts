// npm run docs: copies each example of docs/testing.md from the test file it is a
// region of (see scripts/lib/guideExamples.ts), so the guide shows what npm test runs.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../server/clientBuild.ts";
import { examplesOf, withExamples } from "./lib/guideExamples.ts";

const guide = join(ROOT, "docs", "testing.md");
const before = readFileSync(guide, "utf8");
const after = withExamples(before, ROOT);
writeFileSync(guide, after);
const { examples } = examplesOf(after);
console.log(`docs/testing.md: ${examples.length} examples, ${before === after ? "all as they were" : "updated from their test files"}.`);
