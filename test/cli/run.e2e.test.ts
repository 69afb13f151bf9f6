import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallScenarioInput } from "../helpers/small-scenario.js";

// These tests run the built CLI (npm test builds first), as a user would.
const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "hubsim.js");
const tmp = mkdtempSync(join(tmpdir(), "hubsim-e2e-"));

function hubsim(...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: tmp });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function scenarioFile(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe("hubsim run (built CLI)", () => {
  const small = scenarioFile("small.json", JSON.stringify({ ...smallScenarioInput(), horizonWeeks: 30 }));

  it("writes byte-identical weekly.csv, transitions.csv and summary.json with 1, 2 and 4 workers", () => {
    const outputs = [1, 2, 4].map((workers) => {
      const out = join(tmp, `w${workers}`);
      const r = hubsim("run", small, "--reps", "6", "--seed", "9", "--workers", String(workers), "--out", out);
      expect(r.status, r.stderr).toBe(0);
      return ["weekly.csv", "transitions.csv", "summary.json"].map((f) => readFileSync(join(out, f), "utf8"));
    });
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
    const [weekly, transitions, summary] = outputs[0]!;
    expect(weekly!.split("\n")[0]).toBe("week,week_start,area,metric,median,p5,p25,p75,p95,band_content");
    expect(weekly!.trim().split("\n")).toHaveLength(1 + 30 * 3 * 30);
    const rows = transitions!.trim().split("\n");
    expect(rows[0]).toBe("replication,area,week,date,from,to,awaiting,hub,unallocated_weeks,avg_caseload,pct_at_or_over_cap,open_ratio");
    const parsed = JSON.parse(summary!) as { protocolTransitions: number; bandContent: { words: string }; protocolHistory: { area: string }[] };
    expect(rows).toHaveLength(1 + parsed.protocolTransitions);
    expect(parsed.bandContent.words).toBe("simulation noise only (fixed parameters)");
    expect(parsed.protocolHistory.map((h) => h.area)).toEqual(["North", "South"]);
  });

  it("stays byte-identical across worker counts past the exact-quantile limit (P² bands)", () => {
    const tiny = scenarioFile("tiny.json", JSON.stringify({ ...smallScenarioInput(), name: "tiny", horizonWeeks: 6, warmupWeeks: 4 }));
    const outputs = [1, 2].map((workers) => {
      const out = join(tmp, `p2-${workers}`);
      expect(hubsim("run", tiny, "--reps", "104", "--workers", String(workers), "--out", out).status).toBe(0);
      return ["weekly.csv", "summary.json"].map((f) => readFileSync(join(out, f), "utf8"));
    });
    expect(outputs[1]).toEqual(outputs[0]);
  });

  it("records the run: scenario hash, seed, replications and versions", () => {
    const record = JSON.parse(readFileSync(join(tmp, "w1", "run.json"), "utf8")) as Record<string, unknown>;
    expect(record).toMatchObject({ seed: 9, replications: 6, horizonWeeks: 30, node: process.version });
    expect((record.scenario as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((record.scenario as { content: { name: string } }).content.name).toBe("small");
  });

  it("reruns a run from its run.json alone, byte for byte, and refuses an edited record", () => {
    const again = join(tmp, "rerun");
    const r = hubsim("rerun", join(tmp, "w1", "run.json"), "--out", again, "--workers", "2");
    expect(r.status, r.stderr).toBe(0);
    for (const f of ["weekly.csv", "transitions.csv", "summary.json"]) expect(readFileSync(join(again, f), "utf8")).toBe(readFileSync(join(tmp, "w1", f), "utf8"));
    const record = JSON.parse(readFileSync(join(tmp, "w1", "run.json"), "utf8")) as { scenario: { content: { horizonWeeks: number } } };
    record.scenario.content.horizonWeeks = 29;
    const edited = scenarioFile("edited-run.json", JSON.stringify(record));
    const bad = hubsim("rerun", edited);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("the recorded scenario does not match its sha256");
  });

  it("writes the HTML report of a run directory, and with --html on run", () => {
    const html = join(tmp, "report.html");
    const r = hubsim("report", join(tmp, "w1"), "--html", html);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(html, "utf8")).toContain("<h1>hubsim forecast: small</h1>");
    expect(hubsim("report", tmp, "--html", html).stderr).toContain("is not a hubsim run directory: missing weekly.csv, summary.json, run.json");
    const direct = join(tmp, "direct.html");
    expect(hubsim("run", small, "--reps", "2", "--workers", "1", "--html", direct).status).toBe(0);
    expect(readFileSync(direct, "utf8")).toContain('<section id="stress-des">');
  });

  it("prints the summary as JSON with --json", () => {
    const r = hubsim("run", small, "--reps", "2", "--workers", "1", "--json");
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { scenario: string; replications: number; national: { hubBacklog: { week: number }[] } };
    expect(summary.scenario).toBe("small");
    expect(summary.national.hubBacklog.map((b) => b.week)).toEqual([13, 26, 30]);
  });

  it.each([
    ["malformed JSON", '{ "name": ', /is not valid JSON/],
    ["an unknown key", JSON.stringify({ ...smallScenarioInput(), horizonWeek: 10 }), /the scenario has an unknown key "horizonWeek"/],
    ["a negative rate", JSON.stringify({ ...smallScenarioInput(), areas: [{ ...smallScenarioInput().areas[0], demand: { privatePerWeek: -1, publicPerWeek: 2 } }] }), /areas\[0\]\.demand\.privatePerWeek must be at least 0\n/],
    ["NaN (not JSON at all)", '{ "horizonWeeks": NaN }', /is not valid JSON/],
    ["zero FCAs with demand", JSON.stringify({ ...smallScenarioInput(), areas: [{ ...smallScenarioInput().areas[0], fca: { longTermFte: 0, shortTermFte: 0 } }] }), /areas\[0\]\.fca: area "North" has demand but no FCAs/],
    ["a 10,000-year horizon", JSON.stringify({ ...smallScenarioInput(), horizonWeeks: 520_000 }), /horizonWeeks must be at most 1,040 \(20 years\)/],
  ])("rejects %s: exit 2, a message naming the field, no output written", (label, content, message) => {
    const file = scenarioFile(`bad-${label.replace(/\W+/g, "-")}.json`, content);
    const out = join(tmp, `out-${label.replace(/\W+/g, "-")}`);
    const r = hubsim("run", file, "--out", out, "--workers", "1");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace for bad input
    expect(existsSync(out)).toBe(false);
  });

  it("starts from a case-level backlog given with --initial, and names bad CSV rows by line", () => {
    const good = scenarioFile("cases.csv", "area,kind,tier,weeks_open,status,weeks_in_hub\nNorth,public,1,10,allocated,0\nNorth,further,3,5,hub,4\n\"South\",further,4,2,awaiting,\nSouth,wtfh,2,1,allocated,\n");
    const ok = hubsim("run", small, "--initial", good, "--reps", "2", "--workers", "1", "--json");
    expect(ok.status, ok.stderr).toBe(0);
    const without = hubsim("run", small, "--reps", "2", "--workers", "1", "--json");
    expect(ok.stdout).not.toBe(without.stdout);
    const bad = scenarioFile("bad-cases.csv", "area,kind,tier,weeks_open,status\nNorth,further,9,1,hub\nWest,public,1,1,allocated\n");
    const r = hubsim("run", small, "--initial", bad, "--workers", "1");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad} line 2: tier must be at most 4`);
    expect(r.stderr).toContain(`${bad} line 3: area: unknown area "West"`);
  });

  it("compares two scenarios on common random numbers, as text, JSON and CSV", () => {
    const busier = scenarioFile("busier.json", JSON.stringify({ ...smallScenarioInput(), name: "busier", horizonWeeks: 30, national: { demand: { multiplier: 1.3 } } }));
    const out = join(tmp, "compare");
    const r = hubsim("compare", small, busier, "--reps", "4", "--workers", "2", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("hubsim compare: small vs busier; 4 replications each on common random numbers");
    expect(r.stdout).toMatch(/busier − small \(95% CI\)/);
    const csv = readFileSync(join(out, "comparison.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("metric,scenario,mean,difference,lower,upper,pairs,significant,band_content");
    expect(csv).toHaveLength(1 + 20 * 2);
    expect(r.stdout).toMatch(/^mean time to allocation \(weeks\) +[\d.]+ +[\d.]+ +-?[\d.]+ \(/m);
    expect(hubsim("compare", small).status).toBe(2);
  });

  it("sweeps a threshold on common random numbers, prints the plan as data, and names a bad --vary with its allowed range", () => {
    const plan = hubsim("sweep", small, "--vary", "protocol.maxHoldWeeks=8,20", "--vary", "protocol.triggerRatio=1.2:1.3:0.1", "--plan");
    expect(plan.status, plan.stderr).toBe(0);
    expect((JSON.parse(plan.stdout) as { points: unknown[] }).points).toHaveLength(4);
    const out = join(tmp, "sweep");
    const r = hubsim("sweep", small, "--vary", "protocol.maxHoldWeeks=8,20", "--reps", "3", "--workers", "2", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("Recommendation:");
    expect(readFileSync(join(out, "sweep.csv"), "utf8").split("\n")[0]).toMatch(/^point,protocol\.maxHoldWeeks,"objective: hub_wait_mean_weeks","objective: fca_weeks_over_cap",hub_wait_mean_weeks,/);
    const bad = hubsim("sweep", small, "--vary", "protocol.maxHoldWeeks=0:200:100", "--vary", "protocol.maxHoldWeekz=3");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--vary protocol.maxHoldWeeks=0: protocol.maxHoldWeeks must be at least 1 (allowed: an integer from 1 to 104)");
    expect(bad.stderr).toContain("--vary protocol.maxHoldWeeks=200:");
    expect(bad.stderr).toContain("--vary protocol.maxHoldWeekz: no such field in the scenario schema");
    const badPath = hubsim("sweep", small, "--vary", "bad path=1,2");
    expect([badPath.status, badPath.stderr]).toEqual([2, expect.stringContaining('"bad path" is not a field path')]);
    const clash = hubsim("sweep", small, "--vary", "protocol.triggerRatio=1.15", "--vary", "protocol.releaseRatio=1.2", "--workers", "1");
    expect(clash.status).toBe(2);
    expect(clash.stderr).toContain("1 sweep point is not a valid scenario");
    expect(clash.stderr).toContain("releaseRatio must not exceed triggerRatio");
  });

  it("shards a run and a sweep, and merges the partials into exactly the unsharded outputs", () => {
    const parts = join(tmp, "parts"), merged = join(tmp, "merged"), whole = join(tmp, "whole");
    for (const i of [0, 1, 2]) expect(hubsim("run", small, "--reps", "5", "--seed", "3", "--shard", `${i}/3`, "--out", parts, "--workers", "1").status).toBe(0);
    expect(hubsim("merge", ...[0, 1, 2].map((i) => join(parts, `partial-${i}-of-3.json`)), "--out", merged).status).toBe(0);
    expect(hubsim("run", small, "--reps", "5", "--seed", "3", "--out", whole, "--workers", "2").status).toBe(0);
    for (const f of ["weekly.csv", "transitions.csv", "summary.json"]) expect(readFileSync(join(merged, f), "utf8")).toBe(readFileSync(join(whole, f), "utf8"));
    const notPartial = hubsim("merge", small);
    expect(notPartial.status).toBe(2);
    expect(notPartial.stderr).toContain("is not a hubsim partial file");
    const missing = hubsim("merge", join(parts, "partial-0-of-3.json"), join(parts, "partial-2-of-3.json"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("shard 1/3 is missing: give every partial-i-of-3.json");

    const sweepParts = join(tmp, "sweep-parts"), vary = ["--vary", "protocol.maxHoldWeeks=8,14,20", "--reps", "2", "--workers", "1"];
    for (const i of [0, 1]) expect(hubsim("sweep", small, ...vary, "--shard", `${i}/2`, "--out", sweepParts).status).toBe(0);
    const mergedSweep = hubsim("merge", join(sweepParts, "partial-0-of-2.json"), join(sweepParts, "partial-1-of-2.json"), "--out", join(tmp, "sweep-merged"));
    expect(mergedSweep.status, mergedSweep.stderr).toBe(0);
    expect(hubsim("sweep", small, ...vary, "--out", join(tmp, "sweep-whole")).status).toBe(0);
    for (const f of ["sweep.csv", "sweep.json"]) expect(readFileSync(join(tmp, "sweep-merged", f), "utf8")).toBe(readFileSync(join(tmp, "sweep-whole", f), "utf8"));
  });

  it("rejects a missing scenario file by name", () => {
    const r = hubsim("run", "nope.json");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("cannot read");
    expect(r.stderr).toContain("nope.json: no such file");
  });

  it("keeps scenarios/scenario.schema.json in step with the zod schema", () => {
    const printed = execFileSync(process.execPath, [BIN, "schema"], { encoding: "utf8" });
    expect(JSON.parse(printed)).toEqual(JSON.parse(readFileSync(join(ROOT, "scenarios", "scenario.schema.json"), "utf8")));
  });
});
