#!/usr/bin/env -S node --single-threaded-gc
// The hubsim command: runs the compiled CLI, or says how to build it.
// --single-threaded-gc (in the line above, and in package.json's start and bench): V8's parallel
// and concurrent GC threads compete with the worker threads for the cores, so on 2 cores 20
// replications take about 15% longer without it. V8 flags cannot be set once Node is running.
// React's development build keeps ~5x the memory and draws the TUI far slower: use the
// production build unless asked otherwise (it must be set before React is first imported).
process.env.NODE_ENV ??= "production";
try {
  await import("../dist/src/cli/main.js");
} catch (error) {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/src/cli/main.js")) {
    process.stderr.write("hubsim: not built yet. Run `npm install` (which builds) or `npm run build` first.\n");
    process.exitCode = 1;
  } else {
    throw error;
  }
}
