import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { forecastSummary, inProcessExecutor, runForecast } from "../../src/experiment/index.js";
import { mergeScenario, parseScenario, type Scenario } from "../../src/model/index.js";

const DIR = join(import.meta.dirname, "..", "..", "scenarios");
const files = readdirSync(DIR).filter((f) => f.endsWith(".json") && f !== "scenario.schema.json" && !f.startsWith("posterior")).sort();

function load(file: string): Scenario {
  const raw = JSON.parse(readFileSync(join(DIR, file), "utf8")) as { extends?: string };
  const data = raw.extends === undefined ? raw : mergeScenario(JSON.parse(readFileSync(join(DIR, raw.extends), "utf8")), raw);
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}

describe("the shipped scenarios", () => {
  it("are the nine the README lists", () => {
    expect(files).toEqual(["baseline.json", "cafcass-plus-extension.json", "cafcass-plus-pilot.json", "covid-2020.json", "demand-surge.json", "pre-cmh-national.json", "protocol-off.json", "recruitment-freeze.json", "sickness-wave.json"]);
    const readme = readFileSync(join(DIR, "README.md"), "utf8");
    for (const f of files) expect(readme).toContain(`\`${f}\``);
  });

  it.each(files)("%s carries $schema and validates", (file) => {
    expect((JSON.parse(readFileSync(join(DIR, file), "utf8")) as { $schema?: string }).$schema).toBe("./scenario.schema.json");
    expect(load(file).name).toBe(file.replace(/\.json$/, ""));
  });

  // Back-tests: two replications of each scenario over its whole horizon, every weekly
  // conservation check passing, and the summary pinned (seeded exact values).
  it.each(files)("%s loses no case and keeps its pinned summary", async (file) => {
    const scenario = load(file);
    const f = await runForecast(scenario, { replications: 2, seed: 1 }, inProcessExecutor());
    const weeks = scenario.horizonWeeks + (f.warmupWeeks);
    expect(f.conservationChecks).toBe(2 * weeks * scenario.areas.length);
    const s = forecastSummary(f);
    const rounded = JSON.parse(JSON.stringify(s.national, (_, v: unknown) => (typeof v === "number" ? Math.round(v * 100) / 100 : v)));
    expect(rounded).toMatchSnapshot();
    if (s.plus !== undefined) expect(JSON.parse(JSON.stringify(s.plus, (_, v: unknown) => (typeof v === "number" ? Math.round(v * 100) / 100 : v)))).toMatchSnapshot();
  });

  it("sizes the baseline's FTE to each area's workload (scenarios/README.md, Areas), save London's and Essex's stated shortfalls", () => {
    const s = load("baseline.json");
    for (const a of s.areas) {
      const privatePerWeek = a.name === "A15 London" ? 96 : a.demand.privatePerWeek;
      const work = a.demand.publicPerWeek * 43 * a.durations.publicMultiplier + privatePerWeek * 0.35 * 34;
      const share = a.name.startsWith("A14 ") ? 0.9 : 1;
      expect(a.fca.longTermFte, a.name).toBeCloseTo((work / 17.3 / (1 - 0.085)) * share, 1);
      expect(a.fca.shortTermFte, a.name).toBeCloseTo((a.demand.privatePerWeek * 6) / 32.5 / (1 - 0.085), 1);
    }
  });
});
