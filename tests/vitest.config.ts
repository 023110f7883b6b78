import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["tests/{unit,room,netcode,hosting,docs}/**/*.test.ts"],
    // A process per file: each gets its own Colyseus matchmaker.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
