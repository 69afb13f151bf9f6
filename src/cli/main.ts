import { releaseAllOutputs } from "./output-set.js";
import { runCli } from "./run-cli.js";

// Interrupted or terminated, hubsim leaves nothing half-written: locks and temporaries go, an output set moved aside comes back.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
  process.on(signal, () => {
    releaseAllOutputs();
    process.exit(code);
  });
}

const argv = process.argv.slice(2);
const code = await runCli(argv, {
  out: (text) => process.stdout.write(text + "\n"),
  err: (text) => process.stderr.write(text + "\n"),
  progress: process.stderr,
  argv,
  interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
});
process.exitCode = code;
