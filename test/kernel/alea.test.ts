import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { alea } from "../../src/kernel/alea.js";

describe("alea", () => {
  it("draws the same numbers as seedrandom's alea, seed for seed", () => {
    for (const seed of ["", "hubsim/1/0/demand/London/private", "x".repeat(300), "é☃𝄞"]) {
      const theirs = seedrandom.alea(seed), ours = alea(seed);
      const mismatch = Array.from({ length: 20_000 }, () => theirs() === ours()).indexOf(false);
      expect(mismatch, seed).toBe(-1);
    }
  });
});
