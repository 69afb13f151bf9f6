import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallScenarioInput } from "../helpers/small-scenario.js";

// The built CLI, as a user runs it (npm test builds first).
const BIN = join(import.meta.dirname, "..", "..", "bin", "hubsim.js");
const tmp = mkdtempSync(join(tmpdir(), "hubsim-calibrate-"));
const PRIORS = [
  { path: "areas[0].demand.privatePerWeek", distribution: { kind: "uniform", min: 20, max: 40 }, source: "test" },
  { path: "national.workforce.attrition.perYear", distribution: { kind: "uniform", min: 0.05, max: 0.3 }, source: "test" },
];
const write = (name: string, data: unknown): string => {
  const path = join(tmp, name);
  writeFileSync(path, typeof data === "string" ? data : JSON.stringify(data));
  return path;
};
const small = write("small.json", { ...smallScenarioInput(), horizonWeeks: 30, priors: PRIORS });
const OBS = "date,area,measure,value,source\n2026-03-02,North,open_cases,700,test\n2026-05-04,North,open_cases,760,test\n2026-05-04,England,fcas_vacant,6,test\n";
const obs = write("obs.csv", OBS);

function hubsim(...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: tmp });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
/** The CLI run without waiting, so independent runs (a round's shards) share the cores. */
function hubsimAsync(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: tmp });
    let stdout = "", stderr = "";
    child.stdout.on("data", (d: Buffer) => void (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => void (stderr += d.toString()));
    child.on("close", (code) => done({ status: code ?? -1, stdout, stderr }));
  });
}
const fit = (out: string, ...more: string[]): ReturnType<typeof hubsim> =>
  hubsim("calibrate", small, "--until", "2026-06-30", "--observations", obs, "--particles", "10", "--out", out, ...more);

describe("hubsim calibrate and --posterior (built CLI)", () => {
  it("fits, writes the same posterior whatever the workers, resumes to the same end, and runs with it", () => {
    const a = join(tmp, "a"), b = join(tmp, "b"), c = join(tmp, "c");
    const r = fit(a, "--generations", "2", "--workers", "2");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("hubsim calibrate: small fitted by ABC-SMC to 3 observations dated up to 2026-06-30 (obs.csv); 10 particles, seed 1");
    expect(r.stdout).toMatch(/^areas\[0\]\.demand\.privatePerWeek\s+uniform 20\.0–40\.0\s/m);
    expect(fit(b, "--generations", "2", "--workers", "1").status).toBe(0);
    expect(readFileSync(join(b, "posterior.json"), "utf8")).toBe(readFileSync(join(a, "posterior.json"), "utf8"));
    expect(fit(c, "--generations", "1").status).toBe(0);
    const resumed = fit(c, "--generations", "2");
    expect(resumed.stderr).toContain("resuming from generation 0");
    expect(readFileSync(join(c, "posterior.json"), "utf8")).toBe(readFileSync(join(a, "posterior.json"), "utf8"));

    const run = hubsim("run", small, "--reps", "4", "--posterior", join(a, "posterior.json"), "--out", join(tmp, "run"));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("simulation noise and parameter uncertainty");
    expect((JSON.parse(readFileSync(join(tmp, "run", "run.json"), "utf8")) as { posterior: { name: string } }).posterior.name).toBe("posterior.json");
    expect(readFileSync(join(tmp, "run", "weekly.csv"), "utf8").split("\n")[1]).toMatch(/,simulation-and-parameter$/);
    // Shards carry the draws too: merged, they give exactly the unsharded run.
    for (const i of [0, 1]) expect(hubsim("run", small, "--reps", "4", "--posterior", join(a, "posterior.json"), "--shard", `${i}/2`, "--out", join(tmp, `shard-${i}`)).status).toBe(0);
    const merged = hubsim("merge", join(tmp, "shard-0", "partial-0-of-2.json"), join(tmp, "shard-1", "partial-1-of-2.json"), "--out", join(tmp, "merged"));
    expect(merged.status, merged.stderr).toBe(0);
    for (const f of ["weekly.csv", "summary.json"]) expect(readFileSync(join(tmp, "merged", f), "utf8")).toBe(readFileSync(join(tmp, "run", f), "utf8"));
    // The record holds the draws, so rerun reproduces the run from it alone.
    const again = hubsim("rerun", join(tmp, "run", "run.json"), "--out", join(tmp, "rerun"));
    expect(again.status, again.stderr).toBe(0);
    for (const f of ["weekly.csv", "summary.json"]) expect(readFileSync(join(tmp, "rerun", f), "utf8")).toBe(readFileSync(join(tmp, "run", f), "utf8"));
    const record = JSON.parse(readFileSync(join(tmp, "run", "run.json"), "utf8")) as { posterior: { particles: { weight: number }[] } };
    record.posterior.particles[0]!.weight += 0.01;
    const edited = hubsim("rerun", write("edited-run.json", record));
    expect(edited.status).toBe(2);
    expect(edited.stderr).toContain("do not match the record's sha256");
  });

  it("averages replications per parameter set when asked, and says so in the text and the file", () => {
    const dir = join(tmp, "averaged");
    const r = fit(dir, "--generations", "1", "--reps-per-set", "2");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("hubsim calibrate: small fitted by ABC-SMC to 3 observations dated up to 2026-06-30 (obs.csv); 10 particles of 2 replications each, seed 1");
    expect(JSON.parse(readFileSync(join(dir, "posterior.json"), "utf8")).settings).toEqual({ particles: 10, generations: 1, seed: 1, quantile: 0.5, replicationsPerSet: 2 });
    expect(hubsim("calibrate", small, "--until", "2026-06-30", "--observations", obs, "--reps-per-set", "0").stderr).toContain("--reps-per-set");
  });

  it("shards a fit round by round, and merging the rounds gives exactly the unsharded posterior", async () => {
    const whole = join(tmp, "whole"), sharded = join(tmp, "sharded");
    expect(fit(whole, "--generations", "2").status).toBe(0);
    let rounds = 0;
    while (!existsSync(join(sharded, "posterior.json")) || (JSON.parse(readFileSync(join(sharded, "posterior.json"), "utf8")) as { generations: unknown[] }).generations.length < 2) {
      // A round's shards run at once, as on a batch engine: each claims only its own partial file.
      const parts = (await Promise.all([0, 1].map((i) => hubsimAsync("calibrate", small, "--until", "2026-06-30", "--observations", obs, "--particles", "10", "--out", sharded, "--generations", "2", "--shard", `${i}/2`, "--workers", "1")))).map((r) => {
        expect(r.status, r.stderr).toBe(0);
        return join(sharded, /wrote .*\/(calibration-[^:]+):/.exec(r.stderr)![1]!);
      });
      const merged = hubsim("merge", ...parts, "--out", sharded);
      expect(merged.status, merged.stderr).toBe(0);
      expect(parts.every((f) => !existsSync(f))).toBe(true); // folded partials are removed
      expect(++rounds).toBeLessThan(40);
    }
    expect(rounds).toBeGreaterThanOrEqual(2);
    expect(readFileSync(join(sharded, "posterior.json"), "utf8")).toBe(readFileSync(join(whole, "posterior.json"), "utf8"));
    expect(existsSync(join(sharded, "calibration-pending.json"))).toBe(false);
  }, 240_000);

  it("reuses a finished fit, and refuses shards over another fit's posterior or a pending file of another generation", () => {
    const done = join(tmp, "whole");
    if (!existsSync(join(done, "posterior.json"))) expect(fit(done, "--generations", "2").status).toBe(0);
    const before = readFileSync(join(done, "posterior.json"), "utf8");
    const again = fit(done, "--generations", "2");
    expect(again.status).toBe(0);
    expect(again.stderr).toContain("already holds this fit (2 generations): nothing to simulate");
    expect(readFileSync(join(done, "posterior.json"), "utf8")).toBe(before);
    const other = hubsim("calibrate", small, "--until", "2026-05-31", "--observations", obs, "--particles", "10", "--generations", "3", "--shard", "0/2", "--out", done);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain("holds a posterior from another fit");
    // Averaging replications per set is another fit, so it is not resumed from this one.
    const averaged = fit(done, "--generations", "3", "--reps-per-set", "2");
    expect(averaged.status).toBe(2);
    expect(averaged.stderr).toContain("holds a posterior from another fit");
    writeFileSync(join(done, "calibration-pending.json"), JSON.stringify({ fit: "x", generation: 0, next: 5, simulated: [], kept: [] }));
    const stale = fit(done, "--generations", "3", "--shard", "0/2");
    expect(stale.status).toBe(2);
    expect(stale.stderr).toContain("calibration-pending.json is damaged, from another fit, or not for generation 2");
    const plain = fit(done, "--generations", "3");
    expect(plain.status).toBe(2);
    expect(plain.stderr).toContain("a sharded generation is under way here");
  });

  it("refuses a damaged shard, and an incomplete round", () => {
    const dir = join(tmp, "damaged");
    const parts = [0, 1].map((i) => join(dir, /wrote .*\/(calibration-[^:]+):/.exec(fit(dir, "--generations", "2", "--shard", `${i}/2`).stderr)![1]!));
    const incomplete = hubsim("merge", parts[0]!, "--out", dir);
    expect(incomplete.status).toBe(2);
    expect(incomplete.stderr).toContain("the partial files do not hold shards 0–1 of the round exactly once");
    const text = readFileSync(parts[1]!, "utf8");
    writeFileSync(parts[1]!, text.replace(/"summaries":\[\[(\d)/, (_, d: string) => `"summaries":[[${(Number(d) + 1) % 10}`));
    const damaged = hubsim("merge", ...parts, "--out", dir);
    expect(damaged.status).toBe(2);
    expect(damaged.stderr).toContain(": its content does not match its checksum (damaged or edited)");
    expect(existsSync(join(dir, "posterior.json"))).toBe(false);
  });

  it.each([
    ["an unknown parameter path", { priors: [{ ...PRIORS[0], path: "areas[0].demand.privatPerWeek" }] }, [], "priors[0] (areas[0].demand.privatPerWeek): not a numeric field of the scenario (no such field)"],
    ["a prior outside the schema's range", { priors: [{ ...PRIORS[1], distribution: { kind: "uniform", min: -1, max: 0.3 } }] }, [], "priors[0] (national.workforce.attrition.perYear): the prior reaches -1.000, which the scenario refuses"],
    ["a prior with min above max", { priors: [{ ...PRIORS[1], distribution: { kind: "uniform", min: 0.3, max: 0.1 } }] }, [], "priors[0].distribution.max: min must be below max"],
    ["no priors", { priors: [] }, [], "the scenario declares no priors"],
    ["an observation from an unknown area", {}, ["--observations", write("bad-area.csv", OBS + "2026-05-04,Narnia,open_cases,1,x\n")], 'observation area "Narnia" is not an area of scenario "small"'],
    ["an observation of an unknown measure", {}, ["--observations", write("bad-measure.csv", OBS + "2026-05-04,North,open_casez,1,x\n")], "bad-measure.csv line 5: measure: measure must be one of referrals"],
    ["--until outside the scenario's span", {}, ["--until", "2027-06-30"], "--until 2027-06-30 is outside small's span (2026-01-05 for 30 weeks)"],
    ["--until that is not a date", {}, ["--until", "2026-02-30"], "--until 2026-02-30: expected a real date as YYYY-MM-DD"],
  ])("refuses %s: exit 2, named, nothing written", (_, change, args, message) => {
    const file = write(`s-${Math.random().toString(36).slice(2)}.json`, { ...smallScenarioInput(), horizonWeeks: 30, priors: PRIORS, ...change });
    const out = join(tmp, `bad-${Math.random().toString(36).slice(2)}`);
    const r = hubsim("calibrate", file, "--until", "2026-06-30", "--observations", obs, "--particles", "10", "--out", out, ...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });

  it("uses a scenario's own posterior by default, and fixed values with --posterior none", () => {
    const posterior = join(tmp, "a", "posterior.json");
    if (!existsSync(posterior)) expect(fit(join(tmp, "a"), "--generations", "1").status).toBe(0);
    const own = write("own.json", { ...smallScenarioInput(), horizonWeeks: 30, priors: PRIORS, posterior: "a/posterior.json" });
    const drawn = hubsim("run", own, "--reps", "2");
    expect(drawn.status, drawn.stderr).toBe(0);
    expect(drawn.stdout).toContain("simulation noise and parameter uncertainty");
    const fixed = hubsim("run", own, "--reps", "2", "--posterior", "none");
    expect(fixed.stdout).toContain("simulation noise only (fixed parameters)");
    const missing = hubsim("run", write("missing.json", { ...smallScenarioInput(), priors: PRIORS, posterior: "nowhere.json" }), "--reps", "2");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("missing.json: posterior nowhere.json: no such file (run with --posterior none to use the fixed values)");
    // A search's lever is left out of the draws: it still moves the result.
    const lever = hubsim("seek", own, "--vary", "areas[0].demand.privatePerWeek=20:40", "--integer", "--target", "awaiting_allocation@North@2026-06 <= 1000", "--reps", "2", "--json");
    expect(lever.status, lever.stderr).toBe(0);
    expect((JSON.parse(lever.stdout) as { bandContent: string }).bandContent).toBe("simulation-and-parameter");
  });

  it("records a sweep's draws in its run.json, so rerun reproduces a sweep drawn from a posterior exactly", () => {
    const posterior = join(tmp, "a", "posterior.json");
    if (!existsSync(posterior)) expect(fit(join(tmp, "a"), "--generations", "1").status).toBe(0);
    const swept = hubsim("sweep", small, "--vary", "protocol.triggerUnallocatedWeeks=3:4:1", "--reps", "2", "--posterior", posterior, "--out", join(tmp, "sweep"));
    expect(swept.status, swept.stderr).toBe(0);
    const record = JSON.parse(readFileSync(join(tmp, "sweep", "run.json"), "utf8")) as { settings: { posterior: { paths: string[]; particles: unknown[] } } };
    expect(record.settings.posterior.paths).toEqual(PRIORS.map((p) => p.path));
    expect(record.settings.posterior.particles).toHaveLength(10);
    const again = hubsim("rerun", join(tmp, "sweep", "run.json"), "--out", join(tmp, "sweep-again"));
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(join(tmp, "sweep-again", "sweep.csv"), "utf8")).toBe(readFileSync(join(tmp, "sweep", "sweep.csv"), "utf8"));
  });

  it("draws only the fields a scenario declares, refuses a posterior that did not fit one of them, and one whose priors were edited", () => {
    const fewer = write("fewer.json", { ...smallScenarioInput(), horizonWeeks: 30, priors: [PRIORS[0]] });
    const other = write("other.json", { ...smallScenarioInput(), horizonWeeks: 30, priors: [PRIORS[0], { path: "national.durations.public.meanWeeks", distribution: { kind: "uniform", min: 30, max: 50 }, source: "test" }] });
    const posterior = join(tmp, "a", "posterior.json");
    if (!existsSync(posterior)) expect(fit(join(tmp, "a"), "--generations", "1").status).toBe(0);
    const ok = hubsim("run", fewer, "--reps", "2", "--posterior", posterior, "--out", join(tmp, "fewer-run"));
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(tmp, "fewer-run", "run.json"), "utf8")).posterior.paths).toEqual(["areas[0].demand.privatePerWeek"]);
    const r = hubsim("run", other, "--reps", "2", "--posterior", posterior, "--out", join(tmp, "never"));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--posterior " + posterior + ": posterior posterior.json fits areas[0].demand.privatePerWeek, national.workforce.attrition.perYear, but the scenario declares priors for areas[0].demand.privatePerWeek, national.durations.public.meanWeeks (not fitted: national.durations.public.meanWeeks)");
    const edited = JSON.parse(readFileSync(posterior, "utf8")) as { priors: { source: string }[] };
    edited.priors[0]!.source = "changed";
    const r2 = hubsim("run", small, "--reps", "2", "--posterior", write("edited.json", edited));
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain("its priors do not match their sha256");
    expect(existsSync(join(tmp, "never"))).toBe(false);
  });
});
