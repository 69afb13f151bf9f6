import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { smallScenarioInput } from "../helpers/small-scenario.js";

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [], err: string[] = [];
  const code = await runCli(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("hubsim CLI", () => {
  it("prints the package version", async () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(await cli("--version")).toEqual({ code: 0, out: pkg.version, err: "" });
  });

  it("lists its commands in --help", async () => {
    const { code, out } = await cli("--help");
    expect(code).toBe(0);
    expect(out).toContain("Usage: hubsim");
    expect(out).toContain("selfcheck");
  });

  it("runs the kernel self-check as JSON with every interval reported", async () => {
    const { code, out } = await cli("selfcheck", "--reps", "3", "--seed", "4", "--json");
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { replications: number; rows: { measure: string; analytic: number }[] };
    expect(parsed.replications).toBe(3);
    expect(parsed.rows.map((r) => r.measure)).toEqual([
      "mean wait", "P(wait>0)", "mean wait", "P(wait>0) Erlang C", "class 0 mean wait", "class 1 mean wait", "class 2 mean wait",
    ]);
  });

  it("rejects a bad option value with exit code 2 and a message naming it", async () => {
    const { code, err } = await cli("selfcheck", "--reps", "0");
    expect(code).toBe(2);
    expect(err).toContain("option '--reps <n>' argument '0' is invalid. expected an integer from 2 to 1000");
  });

  it("names an unknown command and lists the real ones", async () => {
    const { code, err } = await cli("frob");
    expect(code).toBe(2);
    expect(err).toBe("hubsim: unknown command 'frob' (commands: run, compare, sweep, seek, calibrate, merge, rerun, backtest, appraise, report, scenario, schema, selfcheck, tui; see hubsim --help)");
  });

  it("refuses to open the TUI without a terminal, pointing at the plain-text forecast", async () => {
    const { code, err } = await cli("tui");
    expect(code).toBe(2);
    expect(err).toBe("hubsim: hubsim tui needs an interactive terminal (use hubsim run for a plain-text forecast)");
  });

  it("sets the Cafcass Plus pilot scenario against the pilot's observed diversion counts", async () => {
    const { code, out } = await cli("backtest", "--pilot", "--reps", "4", "--workers", "1");
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toBe("hubsim backtest --pilot: cafcass-plus-pilot, 2011-05-23 for 104 weeks; 4 replications, seed 1");
    expect(lines.filter((l) => /^(Plus|Comparators|National)/.test(l)).map((l) => l.split(/ {2,}/)[1])).toEqual(["11 of 26 (42.3%)", "7 of 14 (50.0%)", "4 of 12 (33.3%)", "11 of 30 (36.7%)", "about 25.0%"]);
    expect((await cli("backtest", "--pilot", "--html", "x.html")).code).toBe(2);
    expect(await cli("backtest", "--pilot", "--observations", "x.csv")).toMatchObject({ code: 2, err: "hubsim: --observations is for the covid-2020 back-test; --pilot scores the pilot's own diversion counts" });
  });

  it("scores a hold-out back-test's calibrated forecast against the fixed inputs and the prior predictive, in the JSON and the CSV", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "hubsim-holdout-")), "ho");
    const { code, out: json } = await cli("backtest", "--fit-until", "2020-12-31", "--particles", "10", "--generations", "1", "--reps", "2", "--weeks", "100", "--workers", "1", "--out", out, "--json");
    expect(code).toBe(0);
    const scores = JSON.parse(json) as Record<string, { rows: { date: string }[]; bandContent: string } | number>;
    const [calibrated, fixed, prior] = (["calibrated", "uncalibrated", "prior"] as const).map((k) => scores[k] as { rows: { date: string }[]; bandContent: string });
    expect(prior!.rows.map((r) => r.date)).toEqual(calibrated!.rows.map((r) => r.date));
    expect(prior!.rows.length).toBeGreaterThan(0);
    expect([calibrated!.bandContent, fixed!.bandContent, prior!.bandContent]).toEqual(["simulation-and-parameter", "simulation-noise", "simulation-and-parameter"]);
    const [vsFixed, vsPrior] = (["comparedWithFixedInputs", "comparedWithPrior"] as const).map((k) => scores[k] as unknown as { byObservation: number; byMeasure: number; better: number; worse: number; ties: number; unscored: number });
    expect(Number.isFinite(vsPrior!.byObservation) && Number.isFinite(vsPrior!.byMeasure)).toBe(true);
    expect(vsFixed!.better + vsFixed!.worse + vsFixed!.ties + vsFixed!.unscored).toBe(calibrated!.rows.length);
    const forecasts = readFileSync(join(out, "holdout.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]);
    expect([...new Set(forecasts)]).toEqual(["calibrated", "uncalibrated", "prior"]);
  });

  describe("--set on run, compare and appraise", () => {
    const tmp = mkdtempSync(join(tmpdir(), "hubsim-set-")), small = join(tmp, "small.json");
    writeFileSync(small, JSON.stringify({ ...smallScenarioInput(), horizonWeeks: 30 }));

    it("sets scenario fields: the change moves the forecast, is recorded in run.json and reruns exactly", async () => {
      const out = join(tmp, "set");
      const base = await cli("run", small, "--reps", "4", "--seed", "3", "--workers", "1", "--json");
      const more = await cli("run", small, "--reps", "4", "--seed", "3", "--workers", "1", "--json", "--set", "national.demand.multiplier=1.5", "--set", "protocol.trigger=open-cases", "--out", out);
      expect([base.code, more.code], more.err).toEqual([0, 0]);
      const open = (r: { out: string }): number => (JSON.parse(r.out) as { national: { metrics: { children_open_mean: { mean: number } } } }).national.metrics.children_open_mean.mean;
      // Half as much demand again on the same seed (the small scenario starts with few open cases): over half as many children open again.
      expect(open(more) / open(base)).toBeGreaterThan(1.3);
      expect(open(more) / open(base)).toBeLessThan(1.7);
      const record = JSON.parse(readFileSync(join(out, "run.json"), "utf8")) as { scenario: { content: { national: { demand: { multiplier: number } }; protocol: { trigger: string } } } };
      expect([record.scenario.content.national.demand.multiplier, record.scenario.content.protocol.trigger]).toEqual([1.5, "open-cases"]);
      // A field the baseline's posterior draws (public law durations: 5–95% 39–49 weeks) is left out of the draws when set, or the setting would move nothing.
      const drawn = await cli("run", "--reps", "2", "--weeks", "13", "--workers", "1", "--json", "--set", "national.durations.public.meanWeeks=70");
      expect((JSON.parse(drawn.out) as { national: { metrics: { public_duration_mean_weeks: { mean: number } } } }).national.metrics.public_duration_mean_weeks.mean).toBeGreaterThan(60);
      const again = join(tmp, "set-rerun");
      expect((await cli("rerun", join(out, "run.json"), "--out", again, "--workers", "1")).code).toBe(0);
      expect(readFileSync(join(again, "summary.json"), "utf8")).toBe(readFileSync(join(out, "summary.json"), "utf8"));
    });

    it.each([
      ["run", "a misspelt field", ["--set", "national.demand.multipler=1.2"], 'hubsim: the scenario with --set applied: national.demand has an unknown key "multipler"'],
      ["run", "no value", ["--set", "national.demand.multiplier"], "hubsim: --set national.demand.multiplier: expected PATH=VALUE, e.g. protocol.trigger=open-cases"],
      ["compare", "a value the schema refuses", ["--set", "horizonWeeks=0"], "hubsim: the scenario with --set applied: horizonWeeks must be at least 1"],
      ["appraise", "a misspelt field", ["--set", "cafcassPlus.enabledd=true"], 'hubsim: the scenario with --set applied: cafcassPlus has an unknown key "enabledd"'],
    ])("%s refuses a --set with %s: exit 2, named, nothing written", async (command, label, args, message) => {
      const out = join(tmp, `bad-set-${command}-${label.replace(/\W+/g, "-")}`);
      const files = command === "compare" ? [small, small] : command === "appraise" ? [] : [small];
      const r = await cli(command, ...files, ...args, "--out", out, "--workers", "1");
      expect([r.code, r.err.trim()]).toEqual([2, message]);
      expect(existsSync(out)).toBe(false);
    });

    it("names a bad scenario file's own problems as the file's, all of them, even with --set", async () => {
      const bad = join(tmp, "bad-with-set.json");
      writeFileSync(bad, JSON.stringify({ ...smallScenarioInput(), horizonWeek: 10, startDate: "2026-13-01" }));
      const r = await cli("run", bad, "--set", "national.demand.multiplier=1.2", "--workers", "1");
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`^hubsim: ${bad} is not a valid scenario \\(2 problems\\):\n  startDate: .*\n  the scenario has an unknown key "horizonWeek"$`));
    });
  });

  it("rejects unknown options with exit code 2", async () => {
    const { code, err } = await cli("selfcheck", "--bogus");
    expect(code).toBe(2);
    expect(err).toContain("unknown option '--bogus'");
  });
});
