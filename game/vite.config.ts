import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { colyseus } from "colyseus/vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const port = Number(process.env.PORT) || 2567;

// `vite` (npm run dev) serves the page and runs the rooms in one process with hot
// reload; `vite build` builds only the client, which `npm start` serves itself.
export default defineConfig(({ command }) => ({
  root,
  plugins: command === "serve" ? [colyseus({ serverEntry: "../server/dev.ts", port })] : [],
  server: { host: process.env.HOST || "0.0.0.0", port, strictPort: true },
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    // Phaser alone is ~1.4 MB minified; one chunk for it keeps the game code's chunk small.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      input: { main: `${root}/index.html`, scoreboard: `${root}/scoreboard.html`, how: `${root}/how.html`, replay: `${root}/replay.html` },
      output: { codeSplitting: { groups: [{ name: "phaser", test: /node_modules[\\/]phaser/ }] } },
    },
  },
}));
