import { existsSync, mkdirSync, readFileSync, rmdirSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hubsimIn, leftovers, smallFile, snapshot, startHubsim, workDir } from "../helpers/built-cli.js";

const tmp = workDir("outputs");
const small = smallFile(tmp, "small.json");
const quick = ["--reps", "2", "--workers", "1"];
const run = (out: string, seed: number, env: Record<string, string> = {}) => hubsimIn(tmp, ["run", small, ...quick, "--seed", String(seed), "--out", out], env);
const seedOf = (dir: string): number => (JSON.parse(readFileSync(join(dir, "run.json"), "utf8")) as { seed: number }).seed;

describe("output sets are all-or-nothing", () => {
  it("leaves --out exactly as it was when the write fails, with no temporary files", () => {
    const out = join(tmp, "failed");
    expect(run(out, 11).status).toBe(0);
    const before = snapshot(out);
    const r = run(out, 22, { HUBSIM_TEST_FAULT: "fail-before-swap" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`cannot write ${out}: injected failure before-swap; it is left as it was`);
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(tmp)).toEqual([]);
  });

  it("leaves --out exactly as it was when killed before the swap, and the next writer clears what the killed one left", () => {
    const out = join(tmp, "killed");
    expect(run(out, 11).status).toBe(0);
    const before = snapshot(out);
    const r = run(out, 22, { HUBSIM_TEST_FAULT: "kill-before-swap" });
    expect(r.signal).toBe("SIGKILL");
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(tmp)).toHaveLength(2); // its lock and its unfinished set, beside --out, never in it
    expect(run(out, 33).status).toBe(0);
    expect(seedOf(out)).toBe(33);
    expect(leftovers(tmp)).toEqual([]);
  });

  it("puts the old set back when killed between the two renames of the swap", () => {
    const out = join(tmp, "mid-swap");
    expect(run(out, 11).status).toBe(0);
    const before = snapshot(out);
    expect(run(out, 22, { HUBSIM_TEST_FAULT: "kill-mid-swap" }).signal).toBe("SIGKILL");
    expect(existsSync(out)).toBe(false); // moved aside: the next claim restores it
    const r = hubsimIn(tmp, ["run", small, ...quick, "--seed", "44", "--reps", "2", "--out", out, "--html", join(tmp, "x", "y", "z.html")], { HUBSIM_TEST_FAULT: "fail-before-swap" });
    expect(r.status).toBe(2);
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(tmp)).toEqual([]);
    expect(existsSync(join(tmp, "x"))).toBe(false); // the folders made for --html went again
  });

  it("refuses an --out whose run.json is a directory before simulating, and changes nothing", () => {
    const out = join(tmp, "mixed");
    expect(run(out, 11).status).toBe(0);
    unlinkSync(join(out, "run.json"));
    mkdirSync(join(out, "run.json"));
    const files = ["summary.json", "transitions.csv", "weekly.csv"], before = files.map((f) => readFileSync(join(out, f), "utf8"));
    const r = run(out, 22);
    expect([r.status, r.stdout]).toEqual([2, ""]);
    expect(r.stderr).toBe(`hubsim: --out ${out}: holds a directory (run.json); hubsim replaces --out as a whole set of files, so give a new directory or one of files only\n`);
    expect(files.map((f) => readFileSync(join(out, f), "utf8"))).toEqual(before);
    rmdirSync(join(out, "run.json"));
    expect(leftovers(tmp)).toEqual([]);
  });

  it("keeps files the new set does not replace (another shard's partial, a report) and replaces the rest", () => {
    const out = join(tmp, "keep");
    expect(hubsimIn(tmp, ["run", small, ...quick, "--seed", "5", "--out", out, "--html", join(out, "report.html")]).status).toBe(0);
    const report = readFileSync(join(out, "report.html"), "utf8");
    expect(run(out, 6).status).toBe(0);
    expect(readFileSync(join(out, "report.html"), "utf8")).toBe(report);
    expect(seedOf(out)).toBe(6);
    expect(Object.keys(snapshot(out))).toEqual(["report.html", "run.json", "summary.json", "transitions.csv", "weekly.csv"]);
  });

  it("lets one of two concurrent writers to the same --out finish and refuses the other with exit 2 naming the lock", async () => {
    const out = join(tmp, "shared");
    const first = startHubsim(tmp, ["run", small, "--reps", "20", "--workers", "1", "--weeks", "600", "--seed", "1", "--out", out]);
    const lock = join(tmp, ".shared.hubsim-lock");
    for (let i = 0; i < 200 && !existsSync(lock); i++) await new Promise((r) => setTimeout(r, 25));
    const second = run(out, 2);
    expect(second.status).toBe(2);
    expect(second.stderr).toBe(`hubsim: --out ${out} is being written by hubsim process ${first.pid} (lock ${lock}); wait for it to finish, or remove the lock if no hubsim is running\n`);
    const done = await first.done;
    expect(done.status, done.stderr).toBe(0);
    expect(seedOf(out)).toBe(1);
    expect(leftovers(tmp)).toEqual([]);
  });

  it("leaves nothing behind when interrupted mid-simulation (SIGTERM: exit 143, no lock, no output)", async () => {
    const out = join(tmp, "interrupted");
    const job = startHubsim(tmp, ["run", small, "--reps", "200", "--workers", "1", "--weeks", "1000", "--out", out]);
    const lock = join(tmp, ".interrupted.hubsim-lock");
    for (let i = 0; i < 200 && !existsSync(lock); i++) await new Promise((r) => setTimeout(r, 25));
    process.kill(job.pid, "SIGTERM");
    expect((await job.done).status).toBe(143);
    expect(existsSync(out)).toBe(false);
    expect(leftovers(tmp)).toEqual([]);
  });

  it("checks --html before simulating: a directory in its place fails at once with nothing written", () => {
    mkdirSync(join(tmp, "taken.html"));
    const out = join(tmp, "never");
    const r = hubsimIn(tmp, ["run", small, ...quick, "--out", out, "--html", join(tmp, "taken.html")]);
    expect([r.status, r.stdout]).toEqual([2, ""]);
    expect(r.stderr).toBe(`hubsim: --html ${join(tmp, "taken.html")}: exists and is not a regular file\n`);
    expect(existsSync(out)).toBe(false);
    expect(leftovers(tmp)).toEqual([]);
  });

  it("writes a run.json for sweep and appraise, and reruns each to the same outputs", () => {
    const sweepOut = join(tmp, "sweep"), again = join(tmp, "sweep-again");
    expect(hubsimIn(tmp, ["sweep", small, "--vary", "protocol.maxHoldWeeks=8,20", ...quick, "--seed", "7", "--out", sweepOut]).status).toBe(0);
    const r = hubsimIn(tmp, ["rerun", join(sweepOut, "run.json"), "--out", again, "--workers", "1"]);
    expect(r.status, r.stderr).toBe(0);
    for (const f of ["sweep.csv", "sweep.json"]) expect(readFileSync(join(again, f), "utf8")).toBe(readFileSync(join(sweepOut, f), "utf8"));
    const plus = smallFile(tmp, "plus.json", { cafcassPlus: { rollout: { areas: ["North"] } } });
    const appraisal = join(tmp, "appraisal"), repeat = join(tmp, "appraisal-again");
    expect(hubsimIn(tmp, ["appraise", plus, ...quick, "--seed", "3", "--out", appraisal]).status).toBe(0);
    const a = hubsimIn(tmp, ["rerun", join(appraisal, "run.json"), "--out", repeat, "--workers", "1"]);
    expect(a.status, a.stderr).toBe(0);
    for (const f of ["appraisal.csv", "appraisal.json"]) expect(readFileSync(join(repeat, f), "utf8")).toBe(readFileSync(join(appraisal, f), "utf8"));
  });
});
