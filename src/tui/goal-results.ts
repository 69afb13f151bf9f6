import type { ChalkInstance } from "chalk";
import { BAND_CONTENT_WORDS, type SeekPoint, type SeekSpec } from "../experiment/index.js";
import { fmt, percent } from "../report/index.js";
import { GOAL_LEVERS } from "./goal-levers.js";
import type { GoalSearch } from "./goal-search.js";

/**
 * Where the answer lies after each value tried, as the search narrows it: [lo, hi] of the lever,
 * the range at first; a value meeting the target moves the edge on its side (hi when minimising,
 * lo when maximising), one failing moves the other. The ends tried first settle "always" and "never".
 */
export function brackets(spec: SeekSpec, points: readonly SeekPoint[]): (readonly [number, number])[] {
  let lo = spec.lo, hi = spec.hi;
  const minimise = spec.direction === "minimise";
  return points.map((p) => {
    if (p.meets === minimise) hi = Math.min(hi, p.value);
    else lo = Math.max(lo, p.value);
    if (p.value === (minimise ? spec.lo : spec.hi) && p.meets) [lo, hi] = [p.value, p.value];
    if (p.value === (minimise ? spec.hi : spec.lo) && !p.meets) [lo, hi] = [NaN, NaN];
    return [lo, hi] as const;
  });
}

/** A lever value with the lever's decimals. */
export const leverFigure = (search: GoalSearch, x: number): string => fmt(x, GOAL_LEVERS[search.draft.lever]!.decimals);

const share = (p: SeekPoint): string => `${p.successes}/${p.n}, ${percent(p.p)} (Wilson ${fmt(100 * p.lower)}–${percent(p.upper)})`;

/** The table of values tried, in the order they finished, the last `room` rows of it (the heading included). */
export function pointLines(paint: ChalkInstance, search: GoalSearch, room: number): string[] {
  const all = brackets(search.spec, search.points), value = (x: number): string => leverFigure(search, x);
  const rows = search.points.map((p, i) => {
    const [lo, hi] = all[i]!, bracket = Number.isNaN(lo) ? "none in range" : lo === hi ? `= ${value(lo)}` : `${value(lo)}–${value(hi)}`;
    const met = `${p.successes}/${p.n}`.padStart(7), interval = `${percent(p.lower)}–${percent(p.upper)}`;
    return `${String(i + 1).padStart(2)}  ${value(p.value).padStart(7)}  ${met}  ${percent(p.p).padStart(5)}  ${interval.padEnd(10)}  ${p.meets ? paint.green("meets ") : paint.red("fails ")}  ${bracket}`;
  });
  const heading = paint.bold(`${"#".padStart(2)}  ${"value".padStart(7)}  ${"met".padStart(7)}  share  Wilson 95%  target  answer in`);
  return [heading, ...rows.slice(Math.max(0, rows.length - Math.max(0, room - 1)))];
}

/** How a line of the answer is coloured: met, not met, a warning, or plain. */
export type Tone = "good" | "bad" | "warn" | "plain";

/** What the search has come to, in plain sentences with their tone: its progress, or the answer (or "always"/"never") with any warning of non-monotone shares. */
export function answerLines(search: GoalSearch): (readonly [Tone, string])[] {
  const s = search.spec, r = search.result, v = (x: number): string => leverFigure(search, x);
  const way = s.direction === "minimise" ? "smallest" : "largest", range = `${v(s.lo)}–${v(s.hi)}`, far = s.direction === "minimise" ? s.hi : s.lo;
  if (search.status === "running") return [["warn", `Searching: ${search.points.length} of at most ${search.expected} values tried, ${search.plan.replications} replications each · Esc cancels`]];
  if (search.status === "cancelled") return [["plain", `Cancelled after ${search.points.length} value${search.points.length === 1 ? "" : "s"}: nothing to apply (Enter searches again).`]];
  if (search.status === "failed" || r === undefined) return [["bad", `Search failed: ${search.error ?? "no result"}`]];
  const took = `${search.points.length} value${search.points.length === 1 ? "" : "s"} in ${search.seconds.toFixed(1)} s.`;
  const lines: (readonly [Tone, string])[] =
    r.status === "never" ? [["bad", `Never in ${range}: even ${v(far)} meets the target in ${share(r.visited.find((p) => p.value === far)!)}. Nothing to apply.`]]
      : r.status === "always" ? [["good", `Always: ${v(r.answer!)}, the ${s.direction === "minimise" ? "low" : "high"} end of ${range}, already meets it in ${share(r.atAnswer!)}. ${took} a applies ${v(r.answer!)}.`]]
        : [["good", `Answer: ${v(r.answer!)} (${way} in ${range} to meet it in ≥ ${percent(s.confidence)}): ${share(r.atAnswer!)}.`], ["plain", `At ${v(r.nextFailing!.value)}: ${share(r.nextFailing!)}. ${took} a applies ${v(r.answer!)}.`]];
  if (r.reversals.length > 0) {
    const first = r.reversals[0]!, more = r.reversals.length > 1 ? ` (${r.reversals.length - 1} more)` : "";
    lines.push(["warn", `Not monotone: ${v(first.a.value)} meets it in ${percent(first.a.p)}, ${v(first.b.value)} in ${percent(first.b.p)}, ${first.beyondNoise ? "beyond" : "within"} noise${more}: the answer may not be the ${way}.`]);
  }
  return lines;
}

/** What every share and interval holds, said once under the table. */
export const intervalNote = (search: GoalSearch): string => `Intervals hold ${BAND_CONTENT_WORDS[search.result?.bandContent ?? "simulation-noise"]}.`;
