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

/** The source file a relative import names (".js" written for ".ts"/".tsx"), or undefined outside src. */
function resolveImport(from: string, spec: string, known: ReadonlySet<string>): string | undefined {
  const base = join(from, "..", spec).replace(/\.js$/, "");
  return [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((p) => known.has(p));
}

/** Every import cycle in a graph, each as the files along it (depth-first search, one report per back edge). */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, "open" | "done">(), stack: string[] = [], cycles: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (state.get(node) === undefined) visit(node);
  return cycles;
}

/** src's import graph (relative imports only; type-only imports count too, since they still tie modules together). */
function importGraph(paths: readonly string[]): Map<string, string[]> {
  const known = new Set(paths);
  return new Map(paths.map((f) => [f, importsOf(readFileSync(f, "utf8"))
    .filter((spec) => spec.startsWith("."))
    .flatMap((spec) => resolveImport(f, spec, known) ?? [])]));
}

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

  it("has no import cycles anywhere in src (design.md habit 15)", () => {
    const graph = importGraph(files);
    expect([...graph.values()].flat().length).toBeGreaterThan(files.length);
    expect(importCycles(graph).map((c) => c.map((f) => relative(SRC, f)).join(" → "))).toEqual([]);
  });

  it("finds a cycle when shown one", () => {
    const graph = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]);
    expect(importCycles(graph)).toEqual([["a", "b", "c", "a"]]);
    expect(importCycles(new Map([["a", ["b"]], ["b", []]]))).toEqual([]);
  });

  it("detects a violation when shown one (the checks can fail)", () => {
    expect(importsOf(`import { x } from "../cli/main.js";`)).toEqual(["../cli/main.js"]);
    expect(BELOW_CLI_FORBIDDEN.some(([re]) => re.test("const u = Math.random();"))).toBe(true);
    expect(layerOf(join(SRC, "kernel", "x.ts")) < layerOf(join(SRC, "cli", "y.ts"))).toBe(true);
  });
});
