import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The desktop shell loads `dist/` in production and the dev server on port 1420 in development.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    watch: {
      ignored: ["**/src-tauri/**", "**/target/**"],
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // One stylesheet and one script: nothing inline, so a strict content security policy holds.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
