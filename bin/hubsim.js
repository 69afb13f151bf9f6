#!/usr/bin/env node
// The hubsim command: runs the compiled CLI, or says how to build it.
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
