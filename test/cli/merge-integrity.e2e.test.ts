import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hubsimIn, smallFile, workDir } from "../helpers/built-cli.js";

const tmp = workDir("merge");
const small = smallFile(tmp, "small.json");
const hubsim = (...args: string[]) => hubsimIn(tmp, args);
const parts = join(tmp, "parts");
const partial = (i: number, n = 3, dir = parts): string => join(dir, `partial-${i}-of-${n}.json`);

// Three shards of a 5-replication run, written once for every test below.
for (const i of [0, 1, 2]) {
  const r = hubsim("run", small, "--reps", "5", "--seed", "3", "--shard", `${i}/3`, "--out", parts, "--workers", "1");
  if (r.status !== 0) throw new Error(r.stderr);
}

/** A copy of a partial with `change` applied to its text, written beside the others. */
function damaged(name: string, change: (text: string) => string): string {
  const path = join(tmp, name);
  writeFileSync(path, change(readFileSync(partial(1), "utf8")));
  return path;
}

/** Canonical JSON, as hubsim seals partials with: keys sorted at every level. */
const canonical = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

describe("merge checks every partial", () => {
  it("refuses a partial with one changed base64 character: exit 2 naming the file as damaged", () => {
    const file = damaged("flipped.json", (t) => t.replace(/"weekly":"(.)/, (_m, c: string) => `"weekly":"${c === "A" ? "B" : "A"}`));
    const r = hubsim("merge", partial(0), file, partial(2));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`hubsim: ${file} is damaged: its contents do not match its checksum (edited, cut short or corrupted); run its shard again\n`);
  });

  it("refuses a partial with 24 bytes cut from its scalars", () => {
    const file = damaged("cut.json", (t) => t.replace(/"scalars":"([^"]{32})/, (_m, s: string) => `"scalars":"${s.slice(32)}`));
    const r = hubsim("merge", partial(0), file, partial(2));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file} is damaged`);
  });

  it("refuses bad base64 cleanly (no stack trace), even with the checksum recomputed", () => {
    const data = JSON.parse(readFileSync(partial(1), "utf8")) as Record<string, unknown> & { results: { weekly: string }[] };
    data.results[0]!.weekly = "not*base64";
    const { checksum: _old, ...body } = data;
    const file = join(tmp, "forged.json");
    writeFileSync(file, JSON.stringify({ ...body, checksum: createHash("sha256").update(canonical(body)).digest("hex") }));
    const r = hubsim("merge", partial(0), file, partial(2));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`hubsim: ${file} is not a hubsim partial file: results[0].weekly: is not base64\n`);
  });

  it("refuses partials of another run (another seed) by file, and a missing or repeated shard", () => {
    const other = join(tmp, "other");
    expect(hubsim("run", small, "--reps", "5", "--seed", "4", "--shard", "1/3", "--out", other, "--workers", "1").status).toBe(0);
    const foreign = hubsim("merge", partial(0), partial(1, 3, other), partial(2));
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toBe(`hubsim: ${partial(1, 3, other)} comes from a different run than ${partial(0)}: seed 4 against 3\n`);
    expect(hubsim("merge", partial(0), partial(2)).stderr).toBe("hubsim: shard 1/3 is missing: give every partial-i-of-3.json\n");
    expect(hubsim("merge", partial(0), partial(1), partial(1)).stderr).toBe(`hubsim: ${partial(1)} repeats shard 1/3 already given by ${partial(1)}\n`);
  });

  it("merges into exactly the unsharded outputs, and the merged run.json reruns byte for byte", () => {
    const merged = join(tmp, "merged"), whole = join(tmp, "whole"), again = join(tmp, "again");
    expect(hubsim("merge", partial(0), partial(1), partial(2), "--out", merged).status).toBe(0);
    expect(hubsim("run", small, "--reps", "5", "--seed", "3", "--out", whole, "--workers", "1").status).toBe(0);
    const r = hubsim("rerun", join(merged, "run.json"), "--out", again, "--workers", "1");
    expect(r.status, r.stderr).toBe(0);
    for (const f of ["weekly.csv", "transitions.csv", "summary.json"]) {
      expect(readFileSync(join(merged, f), "utf8")).toBe(readFileSync(join(whole, f), "utf8"));
      expect(readFileSync(join(again, f), "utf8")).toBe(readFileSync(join(merged, f), "utf8"));
    }
  });

  it("rerun refuses a record whose seed was edited, and bounds replications like run", () => {
    const record = JSON.parse(readFileSync(join(tmp, "merged", "run.json"), "utf8")) as { seed: number; replications: number };
    writeFileSync(join(tmp, "seed-edited.json"), JSON.stringify({ ...record, seed: 99 }));
    expect(hubsim("rerun", join(tmp, "seed-edited.json")).stderr).toBe(`hubsim: ${join(tmp, "seed-edited.json")}: the recorded seed, replications or settings do not match the record's sha256 (was the record edited?)\n`);
    writeFileSync(join(tmp, "huge.json"), JSON.stringify({ ...record, replications: 1e9 }));
    const huge = hubsim("rerun", join(tmp, "huge.json"));
    expect([huge.status, huge.stderr]).toEqual([2, `hubsim: ${join(tmp, "huge.json")} is not a hubsim run record: replications must be at most 100,000 (more would take days; use --precision to stop when the answer is precise enough)\n`]);
  });
});

describe("merge of sweep partials", () => {
  const vary = ["--vary", "protocol.maxHoldWeeks=8,20", "--reps", "2", "--workers", "1"];
  const sweepParts = join(tmp, "sweep-parts");
  for (const i of [0, 1, 2]) hubsim("sweep", small, ...vary, "--shard", `${i}/3`, "--out", sweepParts);

  it("merges a sweep with an empty shard (2 points over 3 shards) into exactly the unsharded sweep", () => {
    const empty = JSON.parse(readFileSync(partial(0, 3, sweepParts), "utf8")) as { result: { rows: unknown[] } };
    expect(empty.result.rows).toEqual([]);
    const merged = join(tmp, "sweep-merged"), whole = join(tmp, "sweep-whole");
    const r = hubsim("merge", ...[0, 1, 2].map((i) => partial(i, 3, sweepParts)), "--out", merged);
    expect(r.status, r.stderr).toBe(0);
    expect(hubsim("sweep", small, ...vary, "--out", whole).status).toBe(0);
    for (const f of ["sweep.csv", "sweep.json"]) expect(readFileSync(join(merged, f), "utf8")).toBe(readFileSync(join(whole, f), "utf8"));
  });

  it("refuses a partial from a sweep with other --vary values or other --weeks", () => {
    const otherValues = join(tmp, "sweep-other-values"), otherWeeks = join(tmp, "sweep-other-weeks");
    expect(hubsim("sweep", small, "--vary", "protocol.maxHoldWeeks=8,21", "--reps", "2", "--workers", "1", "--shard", "1/3", "--out", otherValues).status).toBe(0);
    expect(hubsim("sweep", small, ...vary, "--weeks", "6", "--shard", "1/3", "--out", otherWeeks).status).toBe(0);
    const values = hubsim("merge", partial(0, 3, sweepParts), partial(1, 3, otherValues), partial(2, 3, sweepParts));
    expect(values.stderr).toBe(`hubsim: ${partial(1, 3, otherValues)} comes from a different sweep than ${partial(0, 3, sweepParts)}: vary [{"path":"protocol.maxHoldWeeks","values":[8,21]}] against [{"path":"protocol.maxHoldWeeks","values":[8,20]}]\n`);
    const weeks = hubsim("merge", partial(0, 3, sweepParts), partial(1, 3, otherWeeks), partial(2, 3, sweepParts));
    expect(weeks.status).toBe(2);
    expect(weeks.stderr).toContain(`${partial(1, 3, otherWeeks)} comes from a different sweep than ${partial(0, 3, sweepParts)}: the scenario differs`);
  });
});
