import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `npm run fuzz`: the room fuzzer, apart from `npm test` until the crash it found is fixed (see README).
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: { include: ["tests/fuzz/**/*.fuzz.ts"], pool: "forks", testTimeout: 60_000 },
});
