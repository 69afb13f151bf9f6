import { runCli } from "./run-cli.js";

const argv = process.argv.slice(2);
const code = await runCli(argv, {
  out: (text) => process.stdout.write(text + "\n"),
  err: (text) => process.stderr.write(text + "\n"),
  progress: process.stderr,
  argv,
  interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
});
process.exitCode = code;
