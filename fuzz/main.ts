// The soak: `npm run fuzz -- --runs N [--seed S] [--timeout MS]` runs N fast-check-generated and mutated
// scenarios through `hubsim run` (short horizons, 1 replication) and counts crashes (exit 1 or a dead
// process), hangs (no answer within the timeout) and outputs left behind on exit 2. Not part of `npm test`.
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fuzzCase } from "./cases.js";
import { runCase, templates, type CaseOutcome } from "./run-case.js";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..", "..");

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(v) || v < 0) throw new Error(`--${name}: expected a whole number, got ${process.argv[i + 1]}`);
  return v;
}

/** The child: runs cases from..runs-1 in order, reporting each to the parent. */
async function child(): Promise<void> {
  const seed = flag("seed", 1), from = flag("from", 0), runs = flag("runs", 10_000), work = process.argv[process.argv.indexOf("--work") + 1]!;
  const shipped = templates(ROOT);
  for (let i = from; i < runs; i++) {
    process.send!({ started: i });
    const outcome = await runCase(fuzzCase(seed, i, shipped), work);
    process.send!(outcome);
  }
  process.disconnect();
}

interface Tally { runs: number; exit0: number; exit2: number; crashes: string[]; hangs: number[]; leftovers: string[] }

/** Runs the child from `from`; resolves with the index to resume at (past a crash or hang), or undefined when all are done. */
function batch(seed: number, from: number, runs: number, timeout: number, work: string, tally: Tally): Promise<number | undefined> {
  return new Promise((resolve) => {
    const proc = fork(fileURLToPath(import.meta.url), ["--child", "--seed", String(seed), "--from", String(from), "--runs", String(runs), "--work", work], { stdio: ["ignore", "ignore", "ignore", "ipc"] });
    let current = from, timer: NodeJS.Timeout | undefined, finished = false;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        tally.runs++;
        tally.hangs.push(current);
        finished = true;
        proc.kill("SIGKILL");
        resolve(current + 1);
      }, timeout);
    };
    arm();
    proc.on("message", (m: { started: number } | CaseOutcome) => {
      arm();
      if ("started" in m) {
        current = m.started;
        return;
      }
      tally.runs++;
      if (m.code === 0) tally.exit0++;
      else if (m.code === 2) tally.exit2++;
      else tally.crashes.push(`case ${m.index}: exit ${m.code}: ${m.error ?? ""}`);
      if (m.leftovers.length > 0) tally.leftovers.push(`case ${m.index}: ${m.leftovers.join(", ")}`);
      if (tally.runs % 500 === 0) process.stderr.write(`fuzz: ${tally.runs} of ${runs} runs, ${tally.crashes.length} crashes, ${tally.hangs.length} hangs\n`);
    });
    proc.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (finished) return;
      if (code === 0 && current === runs - 1) return resolve(undefined);
      tally.runs++;
      tally.crashes.push(`case ${current}: the process died (${signal ?? `exit ${code}`})`);
      resolve(current + 1);
    });
  });
}

async function parent(): Promise<void> {
  const runs = flag("runs", 10_000), seed = flag("seed", 1), timeout = flag("timeout", 30_000);
  const work = mkdtempSync(join(tmpdir(), "hubsim-fuzz-"));
  const tally: Tally = { runs: 0, exit0: 0, exit2: 0, crashes: [], hangs: [], leftovers: [] };
  const started = Date.now();
  let from: number | undefined = 0;
  while (from !== undefined && from < runs) from = await batch(seed, from, runs, timeout, work, tally);
  rmSync(work, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  process.stdout.write(`hubsim fuzz: ${tally.runs} runs (seed ${seed}) in ${seconds} s: ${tally.exit0} ran (exit 0), ${tally.exit2} refused (exit 2); ${tally.crashes.length} crashes, ${tally.hangs.length} hangs, ${tally.leftovers.length} outputs left on exit 2\n`);
  for (const line of [...tally.crashes, ...tally.hangs.map((i) => `case ${i}: no answer within ${timeout} ms`), ...tally.leftovers]) process.stdout.write(`  ${line}\n`);
  process.exitCode = tally.crashes.length + tally.hangs.length + tally.leftovers.length === 0 ? 0 : 1;
}

if (process.argv.includes("--child")) await child();
else await parent();
