import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    pool: "forks",
    // vitest's default is one fork fewer than the cores (1 on CI's 2); many files here wait on child
    // processes and worker threads, so two forks finish the suite well within its 5-minute budget.
    maxWorkers: 2,
    // Test files share each fork's module cache rather than importing the whole program afresh
    // (about 40 s of the suite's 5-minute budget). The tests mock no modules and set no globals;
    // keep it so, or turn isolation back on.
    isolate: false,
    testTimeout: 60_000,
  },
});
