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

const tmp = mkdtempSync(join(tmpdir(), "hubsim-appraise-"));
const file = (name: string, data: unknown): string => {
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
};
const small = file("small.json", { ...smallScenarioInput(), horizonWeeks: 6 });
const withSite = file("site.json", { ...smallScenarioInput(), horizonWeeks: 6, cafcassPlus: { sites: [{ area: "South", start: "2026-01-05" }] } });
const badMeeting = file("bad-meeting.json", { ...smallScenarioInput(), horizonWeeks: 6, interventions: [{
  name: "pre-cmh", timing: { at: "proceedings-day", day: { min: 7, max: 16 } }, fcaHoursPerCase: -3,
  effects: { durationWeeks: { dist: "uniform", min: 4, max: 1 } }, costs: { setupPerArea: { amount: 10_000 } },
}] });
// Areas are checked once every field is valid, so the unknown area has a file of its own.
const atlantis = file("atlantis.json", { ...smallScenarioInput(), horizonWeeks: 6, interventions: [{
  name: "pre-cmh", timing: { at: "referral" }, fcaHoursPerCase: 3, where: { rollout: { areas: ["Atlantis"] } },
}] });
const meeting = file("meeting.json", { ...smallScenarioInput(), horizonWeeks: 6, interventions: [{
  name: "pre-cmh", timing: { at: "proceedings-day", day: { min: 7, max: 16 } }, fcaHoursPerCase: 3, where: { rollout: { areas: ["North"] } },
}] });
const everySite = file("all.json", { ...smallScenarioInput(), cafcassPlus: { sites: [{ area: "North", start: "2026-01-05" }, { area: "South", start: "2026-01-05" }] } });
let attempt = 0;
const quick = ["--reps", "2", "--workers", "1"];

describe("hubsim appraise --intervention", () => {
  it("appraises a declared intervention, counting the run-off and saying so", async () => {
    const r = await cli("appraise", meeting, "--intervention", "pre-cmh", "--appraisal-years", "1", ...quick, "--json");
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { interventions: string[]; appraisalWeeks: number; horizonWeeks: number; deflators: string; areas: string[] };
    expect(json.interventions).toEqual(["pre-cmh"]);
    expect(json.areas).toEqual(["North"]);
    expect([json.horizonWeeks, json.appraisalWeeks]).toEqual([6, 52]);
    expect(json.deflators).toContain("HM Treasury GDP deflators");
  });

  it("runs --sensitivity on a declared intervention over the appraisal years, re-running its roll-out area alone", async () => {
    const r = await cli("appraise", meeting, "--intervention", "pre-cmh", "--sensitivity", "--appraisal-years", "1", ...quick, "--json");
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { appraisal: { appraisalWeeks: number; payers: { npv: { mean: number } }[] }; sensitivity: { baseNpv: number; rolloutAreasOnly: boolean; rows: { path: string }[] } };
    expect(json.appraisal.appraisalWeeks).toBe(52);
    expect(json.sensitivity.baseNpv).toBe(json.appraisal.payers.at(-1)!.npv.mean);
    expect(json.sensitivity.rolloutAreasOnly).toBe(true);
    expect(json.sensitivity.rows.map((x) => x.path)).toContain("interventions[0].fcaHoursPerCase");
    expect(json.sensitivity.rows.some((x) => x.path.startsWith("cafcassPlus"))).toBe(false);
  });

  it("ranks the areas for a declared intervention's next wave, over the appraisal years, saying what the intervals hold", async () => {
    const r = await cli("appraise", meeting, "--intervention", "pre-cmh", "--rank", "--appraisal-years", "1", ...quick);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("hubsim appraise --rank: each area without pre-cmh rolled out alone against do-nothing (small)");
    expect(r.out).toContain("Money is counted for 52 weeks (the 6-week simulation, then its cases followed to their end); the NPV intervals across replications hold simulation noise");
    expect(r.out).toMatch(/\n1 +(North|South)/);
  });
});

describe("hubsim appraise: bad input", () => {
  it.each([
    [[small, "--areas", "Atlantis"], '--areas: unknown area "Atlantis"'],
    [[withSite, "--areas", "South"], '--areas: area "South" is already a Cafcass Plus site'],
    [[small, "--areas", "North,North"], '--areas: area "North" is listed twice'],
    [[small], '--areas: scenario "small" has no cafcassPlus.rollout.areas'],
    [[small, "--rank", "--areas", "North"], "--rank and --areas cannot be combined"],
    [[small, "--rank", "--sensitivity"], "--rank and --sensitivity cannot be combined"],
    [[everySite, "--rank"], '--rank: every area in "small" is already a Cafcass Plus site'],
    [[small, "--areas", "North", "--reps", "1"], "option '--reps <n>' argument '1' is invalid"],
    [[badMeeting], "interventions[0].fcaHoursPerCase must be at least 0"],
    [[badMeeting], "interventions[0].effects.durationWeeks.min: expected min ≤ max"],
    [[atlantis], 'interventions[0].where.rollout.areas[0]: unknown area "Atlantis"'],
    [[badMeeting], "interventions[0].costs.setupPerArea.priceYear is missing"],
    [[meeting, "--intervention", "pre-cmh,family-court"], '--intervention: unknown intervention "family-court"'],
    [[meeting, "--intervention", "pre-cmh", "--appraisal-years", "0"], "--appraisal-years 0: expected a number of years above 0 and at most 20"],
  ])("%j → exit 2 naming the problem, nothing written", async (args, message) => {
    const out = join(tmp, `never-${attempt++}`);
    const r = await cli("appraise", ...args, "--workers", "1", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe("");
    expect(existsSync(out)).toBe(false);
  });
});

describe("hubsim appraise", () => {
  it("prints the appraisal with its price year and discounting, and writes tidy CSV and JSON", async () => {
    const out = join(tmp, "one");
    const r = await cli("appraise", small, "--areas", "north", ...quick, "--out", out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("Cafcass Plus rolled out to North against do-nothing (small)");
    expect(r.out).toContain("Money in 2024-25 prices, present values discounted weekly at 3.5% to year 30, 3.0% to year 75, then 2.5% (Green Book), over 6 weeks.");
    const csv = readFileSync(join(out, "appraisal.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("measure,payer,unit,mean,lower,upper,p5,median,p95,n,band_content");
    expect(csv[1]!.endsWith(",simulation-noise-and-effect-sizes")).toBe(true);
    expect(csv.filter((l) => l.startsWith("npv,"))).toHaveLength(6);
    const json = JSON.parse(readFileSync(join(out, "appraisal.json"), "utf8")) as { areas: string[]; payers: { payer: string }[]; priceYear: string };
    expect(json.areas).toEqual(["North"]);
    expect(json.payers.map((p) => p.payer)).toEqual(["cafcass", "hmcts", "legalAid", "localAuthority", "placements", "total"]);
  });

  it("ranks every area that is not a site, as JSON", async () => {
    const r = await cli("appraise", withSite, "--rank", ...quick, "--json");
    expect(r.code, r.err).toBe(0);
    const ranking = JSON.parse(r.out) as { rows: { rank: number; area: string }[] };
    expect(ranking.rows.map((x) => [x.rank, x.area])).toEqual([[1, "North"]]);
  });

  it("adds the tornado table with --sensitivity and writes sensitivity.csv", async () => {
    const out = join(tmp, "tornado");
    const r = await cli("appraise", small, "--areas", "South", "--sensitivity", ...quick, "--out", out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("One-way sensitivity of the mean total NPV");
    expect(readFileSync(join(out, "sensitivity.csv"), "utf8").split("\n")[0]).toBe("input,path,kind,base,low,high,npv_low,npv_high,swing,base_npv,source");
    const json = JSON.parse(readFileSync(join(out, "appraisal.json"), "utf8")) as { sensitivity: { rows: unknown[] } };
    expect(json.sensitivity.rows).toHaveLength(17);
  });

  it("writes a self-contained HTML page with the tornado chart", async () => {
    const html = join(tmp, "appraisal.html");
    const r = await cli("appraise", small, "--areas", "South", "--sensitivity", ...quick, "--html", html);
    expect(r.code, r.err).toBe(0);
    const page = readFileSync(html, "utf8");
    expect(page).toContain('<svg class="tornado-chart"');
    expect(page).toContain("Costs and savings by payer");
    // The pictures: cumulative net saving with its bands, the NPV distribution, payers as diverging bars.
    expect(page).toContain('<svg class="fan-chart" role="img" aria-label="Cumulative discounted net saving, all payers (£)"');
    expect(page).toMatch(/<svg class="npv-histogram"[^>]*aria-label="Total NPV across 2 replications: P\(saving\) \d+(\.\d)?%"/);
    expect(page.match(/<rect class="(saving|loss)"/g)?.length).toBeGreaterThan(0);
    expect(page.match(/<g class="payer">/g)).toHaveLength(5);
    expect(page).toContain("intervals across replications hold simulation noise");
    expect(page).toContain("2024-25 prices");
    expect(page).not.toMatch(/<script|https?:\/\//);
  });
});
