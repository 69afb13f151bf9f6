import { describe, expect, it } from "vitest";
import { MeasureError, parseMeasure, parseTarget, splitMeasures } from "../../src/experiment/index.js";

// Two areas with codes, 52 weeks from Monday 2027-01-04.
const frame = { shape: { weeks: 52, areas: ["A15 London", "A2 Durham, Teesside, Hartlepool"] }, startDate: "2027-01-04" };

describe("measures addressed by area and date", () => {
  it("read a whole-run measure nationally or for an area, by name or code, with or without _weeks", () => {
    expect(parseMeasure("hub_wait_p90_weeks", frame)).toEqual({ text: "hub_wait_p90_weeks", kind: "scalar", metric: "hub_wait_p90_weeks", area: "England", row: 2 });
    expect(parseMeasure("allocation_wait_p90@England", frame).text).toBe("allocation_wait_p90_weeks");
    expect(parseMeasure("awaiting_end@A15", frame)).toMatchObject({ text: "awaiting_end@A15 London", row: 0 });
    expect(parseMeasure("awaiting_end@A2 Durham, Teesside, Hartlepool", frame).row).toBe(1);
  });

  it("read a weekly measure over the horizon, a day's week, a month, a year or a range, clipped to the horizon", () => {
    expect(parseMeasure("hub_backlog@A15 London", frame)).toMatchObject({ kind: "weekly", weeks: [0, 51], text: "hub_backlog@A15 London@2027-01-04..2027-12-27" });
    expect(parseMeasure("hub_backlog@A15 London@2027-03-31", frame)).toMatchObject({ weeks: [12, 12], text: "hub_backlog@A15 London@2027-03-29" });
    expect(parseMeasure("hub_backlog@2027-03", frame).weeks).toEqual([8, 12]); // the weeks holding 1 and 31 March
    expect(parseMeasure("hub_backlog@2026..2027-02", frame).weeks).toEqual([0, 7]);
    expect(parseMeasure("open_cases@A15@2027-04..2027-12", frame)).toMatchObject({ weeks: [12, 51], row: 0 });
  });

  it("name what is allowed when a measure, area or date is wrong", () => {
    const fails = (text: string): string => {
      try {
        parseMeasure(text, frame);
      } catch (error) {
        expect(error).toBeInstanceOf(MeasureError);
        return (error as Error).message;
      }
      throw new Error(`${text} parsed`);
    };
    expect(fails("hub_backlogg")).toMatch(/^unknown measure "hub_backlogg": the measures are hub_wait_mean_weeks, .*hub_backlog,/);
    expect(fails("hub_backlog@Narnia")).toBe('unknown area "Narnia": the areas are England, A15 London; A2 Durham, Teesside, Hartlepool (or their codes, such as A15)');
    expect(fails("hub_backlog@2029-01")).toBe('"2029-01" is outside the horizon: 2027-01-04 to 2028-01-02');
    expect(fails("hub_backlog@2027-05..2027-02")).toBe('"2027-05..2027-02": the range ends before it starts');
    expect(fails("hub_wait_mean@2027")).toMatch(/^hub_wait_mean_weeks is a whole-run measure: a date applies only to the weekly measures \(referrals, /);
    expect(fails("hub_backlog@A15@next year")).toBe('"next year" in "hub_backlog@A15@next year" is not a date: write YYYY-MM-DD, YYYY-MM, YYYY or FROM..TO');
    expect(fails("a@b@c@d")).toMatch(/is not a measure: write MEASURE, MEASURE@AREA/);
  });

  it("split a comma list where an area's name holds commas", () => {
    expect(splitMeasures("hub_wait_mean@A2 Durham, Teesside, Hartlepool,fca_weeks_over_cap")).toEqual(["hub_wait_mean@A2 Durham, Teesside, Hartlepool", "fca_weeks_over_cap"]);
    expect(splitMeasures("hub_backlog, awaiting_end@A15")).toEqual(["hub_backlog", "awaiting_end@A15"]);
    expect(splitMeasures("nope, b")).toEqual(["nope, b"]); // not a measure's name: read as one, and refused by name
  });
});

describe("targets", () => {
  it("read MEASURE OP NUMBER and write it back in full", () => {
    expect(parseTarget("hub_backlog@A15 London@2027-04..2027-12 <= 50", frame)).toMatchObject({ op: "<=", value: 50, text: "hub_backlog@A15 London@2027-03-29..2027-12-27 <= 50" });
    expect(parseTarget("allocation_wait_p90>=1e1", frame)).toMatchObject({ op: ">=", value: 10 });
  });

  it("refuse a target without an operator or a number, naming the form", () => {
    expect(() => parseTarget("hub_backlog about 50", frame)).toThrow('"hub_backlog about 50" is not a target: write MEASURE[@AREA][@DATE] OP NUMBER with OP one of <=, <, >=, >');
    expect(() => parseTarget("hub_backlog <= fifty", frame)).toThrow(MeasureError);
    expect(() => parseTarget("nope <= 5", frame)).toThrow('unknown measure "nope"');
  });
});
