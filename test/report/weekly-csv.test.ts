import { describe, expect, it } from "vitest";
import { parseWeeklyCsv, weeklyCsv } from "../../src/report/index.js";
import { historyForecast } from "../helpers/synthetic-history.js";

describe("weekly.csv", () => {
  const csv = weeklyCsv(historyForecast()).split("\n");

  it("says on every row what the band holds", () => {
    expect(csv[0]).toBe("week,week_start,area,metric,median,p5,p25,p75,p95,band_content");
    expect(csv.find((l) => l.startsWith("20,2026-05-18,England,awaiting_allocation,"))).toBe("20,2026-05-18,England,awaiting_allocation,110,101,105,115,119,simulation-noise");
    expect(csv.filter((l) => l !== "").every((l, i) => i === 0 || l.endsWith(",simulation-noise"))).toBe(true);
  });

  it("reads back into fan series, with or without the band_content column", () => {
    const series = parseWeeklyCsv(csv.join("\n")).get("England")!.get("awaiting_allocation")!;
    expect([series.p5[19], series.median[19], series.p95[19]]).toEqual([101, 110, 119]);
    const old = parseWeeklyCsv("week,week_start,area,metric,median,p5,p25,p75,p95\n1,2026-01-05,\"North, East\",hub_backlog,3,1,2,4,5\n");
    expect(old.get("North, East")!.get("hub_backlog")).toEqual({ p5: [1], p25: [2], median: [3], p75: [4], p95: [5] });
    expect(() => parseWeeklyCsv("week,area,metric\n")).toThrow("weekly.csv has no median, p5, p25, p75, p95 columns");
  });
});
