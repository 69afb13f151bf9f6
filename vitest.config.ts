import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    pool: "forks",
    // vitest's default is one fork fewer than the cores (1 on CI's 2); many files here wait on child
    // processes and worker threads, so two forks finish the suite well within its 5-minute budget.
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
