import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { observationProblems, parseObservationsCsv } from "../../../src/experiment/calibration/observations-csv.js";
import { loadScenario } from "../../helpers/load-scenario.js";

const SHIPPED = join(import.meta.dirname, "..", "..", "..", "observations", "cafcass-published.csv");
const HEADER = "date,area,measure,value,source\n";

describe("observations as data", () => {
  it("reads the shipped file: every series calibration.md gives, national and by area", () => {
    const obs = parseObservationsCsv(readFileSync(SHIPPED, "utf8"), "cafcass-published.csv");
    const count = (metric: string, national: boolean): number => obs.filter((o) => o.metric === metric && (o.area === undefined) === national).length;
    expect(obs).toHaveLength(39);
    expect(count("open_cases", true)).toBe(14);
    expect(count("avg_caseload", true)).toBe(5);
    expect(count("pct_fcas_over_cap", true)).toBe(2);
    expect(count("protocol_active", true)).toBe(3);
    expect(count("protocol_active", false)).toBe(15);
    expect(obs[0]).toEqual({ date: "2018-03-31", metric: "open_cases", value: 26_497, source: "calibration.md §2.1: 26,497 open children's cases, Mar 2018" });
    expect(obs.find((o) => o.area?.startsWith("A12"))?.area).toBe("A12 Birmingham, Black Country, Shrops & Worcs");
  });

  it("names only areas the shipped scenarios have", () => {
    const obs = parseObservationsCsv(readFileSync(SHIPPED, "utf8"), "f.csv");
    expect(observationProblems(obs, loadScenario("covid-2020.json"))).toEqual([]);
    expect(observationProblems(obs, loadScenario("baseline.json"))).toEqual([]);
    expect(observationProblems(obs, loadScenario("cafcass-plus-pilot.json"))[0]).toMatch(/^observation area "A4 South Yorkshire & Humberside" is not an area of scenario/);
  });

  it.each([
    ["a wrong header", "date,area,metric,value,source\n2020-01-01,England,open_cases,1,x\n", "f.csv line 1: the header must be date,area,measure,value,source (found date,area,metric,value,source)"],
    ["a header only", HEADER, "f.csv: no observations after the header"],
    ["an unknown measure", HEADER + "2020-01-01,England,open_case,1,x\n", "f.csv line 2: measure: measure must be one of referrals"],
    ["a date that is not one", HEADER + "\n\n2020-02-30,England,open_cases,1,x\n", "f.csv line 4: date: not a real calendar date"],
    ["a value that is not a number", HEADER + "2020-01-01,England,open_cases,NaN,x\n", "f.csv line 2: value: value must be a plain decimal number"],
    ["a hex value", HEADER + "2020-01-01,England,open_cases,0x1A,x\n", "f.csv line 2: value: value must be a plain decimal number"],
    ["no source", HEADER + "2020-01-01,England,open_cases,1,\n", "f.csv line 2: source: source must say where the figure comes from"],
    ["a missing field", HEADER + "2020-01-01,England,open_cases,1\n", "f.csv line 2: expected 5 fields, found 4"],
  ])("refuses %s, naming the line", (_, text, message) => {
    expect(() => parseObservationsCsv(text, "f.csv")).toThrow(message);
  });

  it("lists every bad line, not just the first", () => {
    expect(() => parseObservationsCsv(HEADER + "x,England,open_cases,1,s\n2020-01-01,England,open_cases,y,s\n", "f.csv")).toThrow(/line 2: date.*\nf.csv line 3: value/s);
  });
});
