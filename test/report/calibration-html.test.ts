import { describe, expect, it } from "vitest";
import { calibrationHtml, holdoutText, posteriorHistogram } from "../../src/report/index.js";

describe("the calibration page", () => {
  const prior = { kind: "uniform", min: 0, max: 10 } as const;

  it("draws the weighted posterior as bars whose areas sum to 1, over the prior's density", () => {
    const svg = posteriorHistogram("x", prior, [1, 1.2, 5, 9.9, 10], [0.1, 0.1, 0.5, 0.2, 0.1]);
    const rects = [...svg.matchAll(/<rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)"/g)];
    expect(rects).toHaveLength(20); // 0.5-wide bins over 0–10
    const heights = rects.map((r) => Number(r[4]));
    // Bin heights are proportional to weight ÷ width: 0.2 in [1, 1.5), 0.5 in [5, 5.5), 0.3 in the last bin (10 belongs to it).
    expect(heights[2]! / heights[10]!).toBeCloseTo(0.2 / 0.5, 10);
    expect(heights[19]! / heights[10]!).toBeCloseTo(0.3 / 0.5, 10);
    expect(heights.filter((h) => h > 0)).toHaveLength(3);
    expect(svg).toContain('stroke-dasharray="4 2"'); // the prior
  });

  it("shows every parameter, its source, the generations, and the hold-out scores with what their bands hold", () => {
    const score = (coverage: number) => ({ after: "2021-12-31", rows: [], fits: [{ group: "open_cases@England", observations: 4, coverage50: coverage, coverage90: coverage, wis: 100, mape: 2 }], nationalCoverage90: coverage, nationalCoverage50: coverage, bandContent: "simulation-noise" as const });
    const html = calibrationHtml({
      title: "fit",
      parameters: [{ label: "a", source: "§1", prior, values: [1, 2], weights: [0.5, 0.5] }, { label: "b", source: "§2", prior, values: [3, 4], weights: [0.5, 0.5] }],
      generations: [{ index: 0, tolerance: null, simulated: 2, acceptanceRate: 1, ess: 2 }],
      holdout: { calibrated: { ...score(75), bandContent: "simulation-and-parameter" }, uncalibrated: score(25) },
      series: [{ title: "Open cases, calibrated", yLabel: "cases", fan: { p5: [1, 2], p25: [2, 3], median: [3, 4], p75: [4, 5], p95: [5, 6] }, bandContent: "simulation noise and parameter uncertainty", observed: [[1, 3], [2, 9]] }],
    });
    expect(html).toContain("<h2>Fitted series</h2>");
    expect(html).toContain("Open cases, calibrated (median, 50% and 90% bands across replications: simulation noise and parameter uncertainty)");
    expect(html.match(/<svg class="posterior"/g)).toHaveLength(2);
    expect(html).toContain("<td>§2</td>");
    expect(html).toContain("∞ (prior)");
    expect(html).toContain("Calibrated bands hold simulation noise and parameter uncertainty; fixed-input bands (uncalibrated: the values in the scenario) hold simulation noise only (fixed parameters). National observations inside the 90% band: 75% calibrated, 25% with fixed inputs.");
    expect(html).not.toContain("Against the prior predictive");
  });

  it("sets the calibrated forecast against the prior predictive when there is one, in the page and the text", () => {
    const score = (coverage: number, wis: number) => ({ after: "2021-12-31", rows: [], fits: [{ group: "open_cases@England", observations: 4, coverage50: coverage, coverage90: coverage, wis, mape: 2 }, { group: "avg_caseload@England", observations: 1, coverage50: 0, coverage90: 100, wis: 1, mape: 2 }], nationalCoverage90: coverage, nationalCoverage50: coverage, bandContent: "simulation-and-parameter" as const });
    const holdout = { calibrated: score(75, 100), uncalibrated: { ...score(25, 50), bandContent: "simulation-noise" as const }, prior: score(100, 400) };
    const html = calibrationHtml({ title: "fit", parameters: [], generations: [{ index: 0, tolerance: null, simulated: 2, acceptanceRate: 1, ess: 2 }], holdout });
    // Calibrated ÷ prior predictive: 100/400 on open cases and 1/1 on caseloads: a geometric mean of 0.5 by measure, (0.25⁴ × 1)^(1/5) = 0.33 by observation.
    const verdict = "Relative weighted interval score, calibrated ÷ prior predictive (the geometric mean over measures of the ratio of their mean scores; below 1: calibrated is better): 0.33 with each measure weighted by its held-out observations, so every observation counts once (the verdict), and 0.50 with each measure weighing the same, 1 of the 2 measures resting on a single observation.";
    expect(html).toContain(`National observations inside its 90% band: 100%. ${verdict}`);
    const text = holdoutText(holdout.calibrated, holdout.uncalibrated, "title", holdout.prior).replace(/\n(?=\S)/g, " "); // unwrapped
    expect(text).toContain(verdict);
    expect(text).toContain("(each cell: calibrated / prior predictive)");
    expect(holdoutText(holdout.calibrated, holdout.uncalibrated, "title")).not.toContain("prior predictive");
  });
});
