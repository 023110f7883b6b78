// The examples of docs/testing.md are regions of test files that `npm test` runs.
// In the guide each is a ```ts block marked on the line before with
//   <!-- example: tests/guide/FILE.test.ts#REGION -->
// (no #REGION: the whole file), and in the file a region is the lines between
// `// #region REGION` and `// #endregion`. `npm run docs` copies each region into
// the guide; tests/docs/testing-guide.test.ts fails when one differs.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const MARK = /^<!-- example: (\S+?)(?:#(\S+))? -->$/;

export interface Example {
  /** The file, from the repository's root, and its region (null: the whole file). */
  file: string;
  region: string | null;
  /** The block's code as the guide shows it. */
  shown: string;
  /** Its first line in the guide (1-based), for messages. */
  line: number;
}

/** Every marked example of a guide, and how many ```ts blocks it has in all (marked or not). */
export function examplesOf(markdown: string): { examples: Example[]; typescriptBlocks: number } {
  const lines = markdown.split("\n");
  const examples: Example[] = [];
  let typescriptBlocks = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== "```ts") continue;
    typescriptBlocks++;
    const end = lines.indexOf("```", i + 1);
    const mark = MARK.exec(lines[i - 1] ?? "");
    if (mark) examples.push({ file: mark[1]!, region: mark[2] ?? null, shown: lines.slice(i + 1, end).join("\n"), line: i + 2 });
    i = end;
  }
  return { examples, typescriptBlocks };
}

/** A region of a source file, as the guide shows it: its lines, indented as little as they can be. */
export function regionOf(source: string, region: string | null, file: string): string {
  const lines = source.trimEnd().split("\n");
  if (region === null) return lines.join("\n");
  const start = lines.findIndex((line) => line.trim() === `// #region ${region}`);
  const end = lines.findIndex((line, i) => i > start && line.trim() === "// #endregion");
  if (start < 0 || end < 0) throw new Error(`${file} has no region "${region}" (// #region ${region} … // #endregion).`);
  const body = lines.slice(start + 1, end);
  const indent = Math.min(...body.filter((line) => line.trim()).map((line) => line.length - line.trimStart().length));
  return body.map((line) => line.slice(indent)).join("\n");
}

/** The guide with every marked example copied from its file, as `npm run docs` writes it. */
export function withExamples(markdown: string, root: string): string {
  const lines = markdown.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]!);
    const mark = MARK.exec(lines[i]!);
    if (!mark || lines[i + 1] !== "```ts") continue;
    const end = lines.indexOf("```", i + 2);
    out.push("```ts", regionOf(readFileSync(join(root, mark[1]!), "utf8"), mark[2] ?? null, mark[1]!), "```");
    i = end;
  }
  return out.join("\n");
}
