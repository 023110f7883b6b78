// The framework is the one server/framework.ts was written for: package.json pins
// every Colyseus package exactly, the pins are the versions the reaches were
// written for, and the server refuses to start on any other.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FrameworkChanged, installedVersion, requireFrameworkVersions, WRITTEN_FOR } from "../../server/frameworkVersions.ts";

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "package.json"), "utf8")) as Record<string, Record<string, string>>;
const declared = { ...manifest.dependencies, ...manifest.devDependencies };
const colyseus = Object.entries(declared).filter(([name]) => name === "colyseus" || name.startsWith("@colyseus/"));

describe("the Colyseus packages", () => {
  it("are pinned to exact versions in package.json, so npm install brings no other", () => {
    expect(colyseus.length).toBeGreaterThan(5);
    expect(colyseus.filter(([, version]) => !/^\d+\.\d+\.\d+$/.test(version))).toEqual([]);
  });

  it("are pinned to the versions server/framework.ts was written for", () => {
    for (const [name, version] of Object.entries(WRITTEN_FOR)) expect(declared[name], name).toBe(version);
  });

  it("are installed at those versions, and any other stops the server with a message naming it", () => {
    expect(() => requireFrameworkVersions()).not.toThrow();
    expect(installedVersion("@colyseus/core")).toBe(WRITTEN_FOR["@colyseus/core"]);
    const upgraded = (name: string) => (name === "@colyseus/ws-transport" ? "0.19.0" : installedVersion(name));
    expect(() => requireFrameworkVersions(upgraded)).toThrow(FrameworkChanged);
    expect(() => requireFrameworkVersions(upgraded)).toThrow("@colyseus/ws-transport 0.19.0 (written for 0.18.4)");
  });
});
