import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallScenarioInput } from "../helpers/small-scenario.js";

// The built CLI (npm test builds first), as a user would run it.
const BIN = join(import.meta.dirname, "..", "..", "bin", "hubsim.js");
const tmp = mkdtempSync(join(tmpdir(), "hubsim-appraise-e2e-"));
const small = join(tmp, "small.json");
writeFileSync(small, JSON.stringify({ ...smallScenarioInput(), horizonWeeks: 12 }));

function hubsim(...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: tmp });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe("hubsim appraise (built CLI)", () => {
  it("gives byte-identical files with 1 and 2 workers", () => {
    const files = [1, 2].map((workers) => {
      const out = join(tmp, `w${workers}`);
      const r = hubsim("appraise", small, "--areas", "North", "--reps", "4", "--seed", "5", "--workers", String(workers), "--out", out);
      expect(r.status, r.stderr).toBe(0);
      return ["appraisal.csv", "appraisal.json"].map((f) => readFileSync(join(out, f), "utf8"));
    });
    expect(files[1]).toEqual(files[0]);
  });

  it("exits 2 on an unknown area with one line on stderr and nothing on stdout or disk", () => {
    const out = join(tmp, "none");
    const r = hubsim("appraise", small, "--areas", "North,Atlantis", "--out", out);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^hubsim: --areas: unknown area "Atlantis"/);
    expect(existsSync(out)).toBe(false);
  });
});
