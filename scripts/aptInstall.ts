// Installs Debian packages the tests need, the way Playwright's own installer does
// on Debian/Ubuntu: with apt-get, as root or through sudo, saying what it does.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export function aptInstall(packages: string[], reason: string, log: (line: string) => void = console.log): void {
  if (!existsSync("/usr/bin/apt-get")) {
    throw new Error(`${reason}, and this system has no apt-get to install ${packages.join(", ")}: install them, then run again.`);
  }
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ["sudo"];
  log(`${reason}: installing Debian's ${packages.join(", ")} with apt-get${asRoot ? "" : " (via sudo)"}...`);
  const run = (args: string[]) => {
    const [command, ...rest] = [...sudo, ...args];
    execFileSync(command!, rest, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  };
  run(["apt-get", "update"]);
  run(["apt-get", "install", "-y", "--no-install-recommends", ...packages]);
}

/** Installs the package behind each command that is not on this machine yet. */
export function ensureCommands(needed: Record<string, string>, reason: string): void {
  const missing = Object.entries(needed).filter(([command]) => !onPath(command));
  if (missing.length === 0) return;
  aptInstall(
    missing.map(([, pkg]) => pkg),
    `${reason} need ${missing.map(([command]) => command).join(", ")}`,
  );
}

function onPath(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
