import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/** design.md's layers, lowest first; a file may import its own layer or a lower one. */
const LAYERS = ["kernel", "model", "experiment", "report", "tui", "cli"] as const;
const SRC = join(import.meta.dirname, "..", "src");
const BELOW_CLI_FORBIDDEN: readonly [RegExp, string][] = [
  [/\bMath\.random\s*\(/, "Math.random"],
  [/\bDate\.now\s*\(/, "Date.now"],
  [/\bnew Date\s*\(\s*\)/, "new Date()"],
  [/\bprocess\.(exit|stdout|stderr|argv|env|stdin)\b/, "process IO"],
  [/\bconsole\./, "console"],
  [/from\s+["'](node:)?(fs|fs\/promises|child_process|net|http|https)["']/, "node IO module"],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : []);
}

function layerOf(path: string): number {
  const top = relative(SRC, path).split(/[\\/]/)[0] ?? "";
  return LAYERS.indexOf(top as (typeof LAYERS)[number]);
}

function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

const files = sourceFiles(SRC);

describe("architecture (design.md layers)", () => {
  it("has every source file inside a known layer", () => {
    expect(files.filter((f) => layerOf(f) < 0).map((f) => relative(SRC, f))).toEqual([]);
  });

  it("imports only from the same or a lower layer", () => {
    const violations = files.flatMap((file) => importsOf(readFileSync(file, "utf8"))
      .filter((spec) => spec.startsWith("."))
      .map((spec) => ({ spec, target: layerOf(join(file, "..", spec)) }))
      .filter(({ target }) => target > layerOf(file))
      .map(({ spec }) => `${relative(SRC, file)} imports ${spec}`));
    expect(violations).toEqual([]);
  });

  it("uses no IO, Math.random or Date.now below src/cli", () => {
    const violations = files.filter((f) => layerOf(f) < LAYERS.indexOf("cli")).flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return BELOW_CLI_FORBIDDEN.filter(([re]) => re.test(text)).map(([, what]) => `${relative(SRC, file)} uses ${what}`);
    });
    expect(violations).toEqual([]);
  });

  it("keeps the kernel free of third-party imports other than seedrandom", () => {
    const kernel = files.filter((f) => layerOf(f) === 0);
    const external = kernel.flatMap((f) => importsOf(readFileSync(f, "utf8")).filter((s) => !s.startsWith(".") && s !== "seedrandom"));
    expect(external).toEqual([]);
  });

  it("detects a violation when shown one (the checks can fail)", () => {
    expect(importsOf(`import { x } from "../cli/main.js";`)).toEqual(["../cli/main.js"]);
    expect(BELOW_CLI_FORBIDDEN.some(([re]) => re.test("const u = Math.random();"))).toBe(true);
    expect(layerOf(join(SRC, "kernel", "x.ts")) < layerOf(join(SRC, "cli", "y.ts"))).toBe(true);
  });
});
