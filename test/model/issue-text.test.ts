import { describe, expect, it } from "vitest";
import { issuesText, parseScenario } from "../../src/model/index.js";

describe("issues as data, one formatter", () => {
  const parsed = parseScenario({ name: "x", startDate: "2026-01-05", horizonWeeks: 5000, areas: [{ name: "A", demand: { privatePerWeek: -1, publicPerWeek: 1 }, fca: { longTermFte: 1, shortTermFte: 0 } }] });
  const issues = parsed.ok ? [] : parsed.issues;

  it("gives each issue zod's code, its path and a sentence naming the field", () => {
    expect(issues).toContainEqual({ code: "too_big", path: "horizonWeeks", message: "horizonWeeks must be at most 1,040 (20 years)" });
    expect(issues).toContainEqual({ code: "too_small", path: "areas[0].demand.privatePerWeek", message: "areas[0].demand.privatePerWeek must be at least 0" });
  });

  it("joins the sentences and says how many were left out", () => {
    const three = [1, 2, 3].map((n) => ({ code: "custom", path: `f${n}`, message: `f${n} is wrong` }));
    expect(issuesText(three)).toBe("f1 is wrong; f2 is wrong; f3 is wrong");
    expect(issuesText(three, { limit: 2 })).toBe("f1 is wrong; f2 is wrong; and 1 more");
    expect(issuesText(three, { limit: 1, separator: "\n" })).toBe("f1 is wrong\nand 2 more");
  });
});
