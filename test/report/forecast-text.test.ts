import { describe, expect, it } from "vitest";
import { forecastSummary, inProcessExecutor, runForecast } from "../../src/experiment/index.js";
import { forecastText } from "../../src/report/index.js";
import { smallScenario } from "../helpers/small-scenario.js";
import { historyForecast } from "../helpers/synthetic-history.js";

describe("the run text", () => {
  const text = forecastText(forecastSummary(historyForecast()));
  const lines = text.split("\n");

  it("puts the unallocated work beside the hub: cases awaiting at each report week, and a line on the time to allocation", () => {
    expect(lines).toContain("in hubs      20 (11–29)     20 (11–29)            0");
    expect(lines).toContain("awaiting  110 (101–119)  110 (101–119)            0");
    expect(text).toContain("Hub wait (time held in a hub): 7.0 weeks on average");
    expect(text).toContain(
      "Waiting for allocation outside hubs: 110 at the end (90% band 101–119); time to allocation 3.00\n" +
      "weeks on average, 90th centile 8.00; 50 cases waited 12 weeks or more (2,200 case-weeks waiting in\n" +
      "all); 0 allocated over the limit after the longest hold on duty.",
    );
  });

  it("says once per block of bands what the bands hold", () => {
    expect(text.match(/holding simulation noise only\s+\(fixed parameters\)/g)).toHaveLength(2); // the headline and the area table
    expect(lines.slice(3, 6).join(" ")).toContain("median and 90% band across replications, holding simulation noise only (fixed parameters)");
  });

  it("gives each area its awaiting cases at the end and mean time to allocation, within 100 columns", async () => {
    expect(lines.find((l) => l.startsWith("area"))).toBe("area   hub at end  hub wait  forced  awaiting  alloc wait  caseload  % ≥cap");
    const real = forecastText(forecastSummary(await runForecast(smallScenario(), { replications: 2, seed: 1 }, inProcessExecutor())));
    expect(real.split("\n").filter((l) => l.length > 100)).toEqual([]);
    expect(real).toMatch(/^North +\d+ \(\d+–\d+\) +[\d.–]+ +[\d,]+ +[\d,]+ +[\d.]+ +[\d.]+ +\d+$/m);
  });
});
