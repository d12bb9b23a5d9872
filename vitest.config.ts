import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    // Model-loading and browser tests take seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Two cores: more parallel files only thrash.
    maxWorkers: 2,
    reporters: process.env.CI ? ["default"] : ["default"],
  },
});
