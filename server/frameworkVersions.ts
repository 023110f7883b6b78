// The Colyseus versions server/framework.ts was written against. Its reaches into
// the framework's internals hold for these versions only, so package.json pins
// them exactly (tests/hosting/framework-versions.test.ts holds the two equal), and
// the server refuses to start on any other: an upgrade is a review of every reach.
import { readFileSync } from "node:fs";
import { findPackageJSON } from "node:module";

/** What framework.ts reaches into, and the versions each reach was written and tested for. */
export const WRITTEN_FOR = {
  "@colyseus/core": "0.18.17",
  "@colyseus/ws-transport": "0.18.4",
  "@colyseus/shared-types": "0.18.3",
  "@colyseus/schema": "5.0.34",
  "@colyseus/redis-presence": "0.18.5",
} as const;

/** The framework is not the one server/framework.ts was written for: the server does not start. */
export class FrameworkChanged extends Error {}

/** The installed version of package `name`, as this server resolves it. */
export function installedVersion(name: string): string {
  const manifest = findPackageJSON(name, import.meta.url);
  if (!manifest) throw new FrameworkChanged(`${name} is not installed; run npm ci.`);
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** Throws FrameworkChanged, naming every package whose installed version differs from WRITTEN_FOR. */
export function requireFrameworkVersions(installed: (name: string) => string = installedVersion): void {
  const changed = Object.entries(WRITTEN_FOR).flatMap(([name, wanted]) => {
    const found = installed(name);
    return found === wanted ? [] : [`${name} ${found} (written for ${wanted})`];
  });
  if (changed.length > 0) {
    throw new FrameworkChanged(
      `Colyseus is not the version server/framework.ts was written for: ${changed.join(", ")}. ` +
        "Install the pinned versions (npm ci), or review every reach in server/framework.ts against the new ones and update WRITTEN_FOR in server/frameworkVersions.ts.",
    );
  }
}
