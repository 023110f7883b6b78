import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The Node flags `npm start` runs the server with, read from its script in
 * package.json, so every other way of starting the server (the cluster, tests,
 * benchmarks) runs it the same. Why each flag is there: README, Hosting.
 */
export function serverNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")) as { scripts: { start: string } };
  return manifest.scripts.start.split(/\s+/).filter((word) => word.startsWith("--"));
}
