import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallScenarioInput } from "../helpers/small-scenario.js";

// The built CLI, as a user runs it (npm test builds first).
const BIN = join(import.meta.dirname, "..", "..", "bin", "hubsim.js");
const tmp = mkdtempSync(join(tmpdir(), "hubsim-seek-"));
const small = join(tmp, "small.json");
writeFileSync(small, JSON.stringify({ ...smallScenarioInput(), horizonWeeks: 52 }));

function hubsim(...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: tmp });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const LEVER = "areas[0].fca.longTermFte=30:46";
const TARGET = "awaiting_allocation@North@2026-07..2026-12 <= 30";

describe("hubsim seek (built CLI)", () => {
  it("answers with the value, its share and the next value down's, the runs taken and the values tried, as text, CSV and JSON", () => {
    const out = join(tmp, "seek");
    const r = hubsim("seek", small, "--vary", LEVER, "--integer", "--target", TARGET, "--reps", "10", "--workers", "2", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("hubsim seek: awaiting_allocation@North@2026-06-29..2026-12-28 <= 30, smallest areas[0].fca.longTermFte in 30 to 46 (whole values); 10 replications at each value on common random numbers (seed 1)");
    expect(lines[2]).toMatch(/^Answer: areas\[0\]\.fca\.longTermFte = (\d+), the smallest value meeting the target in at least 90% of replications: \d+ of 10 replications \(\d+%; Wilson 95% \d+%–\d+%\)\. At \d+: \d+ of 10 replications/);
    const json = JSON.parse(readFileSync(join(out, "seek.json"), "utf8")) as { answer: number; evaluations: number; visited: { value: number; meets: boolean }[] };
    expect(lines[2]).toContain(`= ${json.answer},`);
    expect(json.evaluations).toBeLessThanOrEqual(2 + 4);
    expect(json.visited.find((p) => p.value === json.answer)!.meets).toBe(true);
    expect(json.visited.find((p) => p.value === json.answer - 1)!.meets).toBe(false);
    expect(readFileSync(join(out, "seek.csv"), "utf8").split("\n")[0]).toBe("lever,value,successes,replications,share,lower,upper,measure_mean,meets,band_content");
    const again = hubsim("seek", small, "--vary", LEVER, "--integer", "--target", TARGET, "--reps", "10", "--workers", "1", "--json");
    expect((JSON.parse(again.stdout) as { answer: number }).answer).toBe(json.answer); // same seed, any number of workers
  });

  it.each([
    ["a target that does not parse", ["--target", "awaiting_allocation about 30"], '--target: "awaiting_allocation about 30" is not a target: write MEASURE[@AREA][@DATE] OP NUMBER'],
    ["an unknown measure", ["--target", "hub_backlogg <= 3"], '--target: unknown measure "hub_backlogg": the measures are '],
    ["an unknown area", ["--target", "hub_backlog@Narnia <= 3"], '--target: unknown area "Narnia": the areas are England, North; South'],
    ["a date outside the horizon", ["--target", "hub_backlog@2030-03 <= 3"], '--target: "2030-03" is outside the horizon: 2026-01-05 to 2027-01-03'],
    ["lo ≥ hi", ["--vary", "areas[0].fca.longTermFte=46:30"], "--vary areas[0].fca.longTermFte=46:30: lo (46) must be below hi (30)"],
    ["a confidence outside (0, 1)", ["--confidence", "1.5"], "--confidence 1.5: must be a share between 0 and 1, exclusive"],
    ["a lever outside its schema range", ["--vary", "protocol.maxHoldWeeks=0:20"], "--vary protocol.maxHoldWeeks=0: protocol.maxHoldWeeks must be at least 1 (allowed: an integer from 1 to 104)"],
    ["a lever that is not a field", ["--vary", "protocol.maxHoldWeekz=1:20"], "--vary protocol.maxHoldWeekz: no such field in the scenario schema"],
    ["a fractional range with --integer", ["--vary", "protocol.triggerRatio=1.5:2.5", "--integer"], "with --integer, lo and hi must be whole numbers"],
    ["a --set that breaks the scenario", ["--set", "protocol.trigger=sometimes"], 'the scenario with --set applied: protocol.trigger must be one of "unallocated", "open-cases"'],
  ])("refuses %s: exit 2, the field named, nothing written", (_, change, message) => {
    const out = join(tmp, `bad-${Math.random().toString(36).slice(2)}`);
    const args = new Map<string, string | undefined>([["--vary", LEVER], ["--target", TARGET]]);
    for (let i = 0; i < change.length; i++) args.set(change[i]!, change[i + 1]?.startsWith("--") === false ? change[++i] : undefined);
    const flat = [...args].flatMap(([k, v]) => (v === undefined ? [k] : [k, v]));
    const r = hubsim("seek", small, ...flat, "--reps", "2", "--out", out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });
});

describe("hubsim sweep with constraints (built CLI)", () => {
  it("marks the feasible points, recommends among them, and says which constraint failed everywhere and by how much", () => {
    const vary = ["--vary", "areas[0].fca.longTermFte=30,46", "--reps", "4", "--workers", "1"];
    const ok = hubsim("sweep", small, ...vary, "--objectives", "awaiting_case_weeks@North,avg_caseload", "--constraint", TARGET);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`c1: ${TARGET.replace("2026-07..2026-12", "2026-06-29..2026-12-28")}, to hold in at least 90% of replications ("met" is the share that meet it; replications hold simulation noise only (fixed parameters)).`);
    expect(ok.stdout).toMatch(/Recommendation: of the 1 points meeting every constraint, 1 setting trade awaiting_case_weeks@North against avg_caseload/);
    const none = hubsim("sweep", small, ...vary, "--constraint", "hub_backlog@North <= -1");
    expect(none.status, none.stderr).toBe(0);
    expect(none.stdout).toMatch(/No point meets every constraint with the confidence asked:\n {2}- c1 hub_backlog@North@2026-01-05\.\.2026-12-28 <= -1 fails at every point: at best in 0% of replications \(areas\[0\]\.fca\.longTermFte=\d+\), its measure averaging [\d.]+ against -1\.0\./);
    const bad = hubsim("sweep", small, ...vary, "--objectives", "hub_wait_mean@Narnia,avg_caseload", "--out", join(tmp, "never"));
    expect([bad.status, bad.stderr.trim()]).toEqual([2, expect.stringContaining('hubsim: --objectives hub_wait_mean@Narnia: unknown area "Narnia"')]);
    expect(existsSync(join(tmp, "never"))).toBe(false);
    const set = hubsim("sweep", small, "--set", "protocol.trigger=open-cases", "--set", "protocol.releaseRatio=1.15", "--vary", "protocol.triggerRatio=1.1,1.5");
    expect([set.status, set.stderr]).toEqual([2, expect.stringContaining("--vary protocol.triggerRatio=1.1: protocol.releaseRatio: releaseRatio must not exceed triggerRatio")]);
    const badSet = hubsim("sweep", small, ...vary, "--set", "areas[7].fca.longTermFte=3");
    expect([badSet.status, badSet.stderr.trim()]).toEqual([2, "hubsim: --set areas[7].fca.longTermFte: areas[7].fca.longTermFte: there is no element [7] here"]);
    const one = hubsim("sweep", small, ...vary, "--objectives", "hub_wait_mean");
    expect([one.status, one.stderr]).toEqual([2, expect.stringContaining("--objectives: two measures separated by a comma")]);
  });
});
