import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config";

// The UI's unit tests: pure modules run in Node, and a file that needs a DOM (pasting, the
// editor's views) asks for jsdom with a `@vitest-environment jsdom` comment at its top.
export default mergeConfig(
  viteConfig,
  defineConfig({
    // Svelte's client runtime, as in the app (runes in `.svelte.ts` modules run for real).
    resolve: { conditions: ["browser"] },
    test: {
      include: ["src/**/*.test.ts"],
      environment: "node",
      // The shared stylesheets are read as text by their test (other CSS is left out).
      css: { include: [/\/src\/styles\/[^/]+\.css/] },
    },
  }),
);
