// The README's Layout tables are the map of the code: every file under shared/,
// server/ and game/ is named in its folder's table (by its name, or its path
// within the folder), so a new file cannot slip in unmapped.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const FOLDERS = ["shared", "server", "game"] as const;
/** Folders whose files are served as they are (icons, the manifest): the folder's row covers them. */
const ASSET_FOLDERS = ["game/public/"];

/** The Layout section's text about `folder`: from its bold heading to the next one. */
function layoutOf(readme: string, folder: string): string {
  const layout = readme.slice(readme.indexOf("## Layout"), readme.indexOf("\n## ", readme.indexOf("## Layout") + 1));
  const start = layout.indexOf(`**\`${folder}/\`**`);
  expect(start, `the Layout section has a part for ${folder}/`).toBeGreaterThanOrEqual(0);
  const end = layout.indexOf("\n**`", start + 1);
  return layout.slice(start, end < 0 ? undefined : end);
}

/** Everything in `text` between backticks. */
function named(text: string): Set<string> {
  return new Set([...text.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!));
}

describe("the README's Layout", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", ...FOLDERS], { cwd: ROOT, encoding: "utf8" })
    .split("\n")
    .filter(Boolean);

  it("is about the files git has (a positive control for the check below)", () => {
    expect(files).toContain("shared/world.ts");
    expect(files).toContain("server/ArenaRoom.ts");
    expect(files).toContain("game/arena/ArenaScene.ts");
  });

  it.each(FOLDERS)("names every file under %s/", (folder) => {
    const names = named(layoutOf(readme, folder));
    const unnamed = files
      .filter((file) => file.startsWith(`${folder}/`) && !ASSET_FOLDERS.some((assets) => file.startsWith(assets)))
      .filter((file) => {
        const path = file.slice(folder.length + 1);
        return !names.has(path) && !names.has(path.split("/").pop()!);
      });
    expect(unnamed).toEqual([]);
  });

  it("names the folders of files served as they are", () => {
    for (const assets of ASSET_FOLDERS) {
      const [folder, ...rest] = assets.split("/");
      expect(named(layoutOf(readme, folder!)).has(`${rest.join("/")}`)).toBe(true);
    }
  });
});
