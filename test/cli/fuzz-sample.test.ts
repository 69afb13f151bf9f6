import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fuzzCase } from "../../fuzz/cases.js";
import { runCase, templates } from "../../fuzz/run-case.js";

// A small seeded sample of the soak (`npm run fuzz -- --runs 10000`): the same generated and mutated
// scenarios through `hubsim run`, in this process.
const ROOT = join(import.meta.dirname, "..", "..");
const SAMPLE = 100;
const GENERATED_RAN = 22;

describe("fuzz sample (seed 1, the first 100 cases of the soak)", () => {
  it("never crashes and leaves no output behind when it refuses a scenario", async () => {
    const work = mkdtempSync(join(tmpdir(), "hubsim-fuzz-sample-")), shipped = templates(ROOT);
    const outcomes: { kind: string; code: number }[] = [], leftovers: string[] = [];
    for (let i = 0; i < SAMPLE; i++) {
      const c = fuzzCase(1, i, shipped), outcome = await runCase(c, work);
      outcomes.push({ kind: c.kind, code: outcome.code });
      leftovers.push(...outcome.leftovers.map((f) => `case ${i}: ${f}`));
    }
    const count = (kind: string, code: number): number => outcomes.filter((o) => o.kind === kind && o.code === code).length;
    // The generated half depends on nothing but the seed; the mutated half on the shipped scenarios, which change.
    expect({ ran: count("generated", 0), refused: count("generated", 2) }).toEqual({ ran: GENERATED_RAN, refused: 50 - GENERATED_RAN });
    expect(count("mutated", 0) + count("mutated", 2)).toBe(50);
    expect(leftovers).toEqual([]);
  }, 120_000);
});
