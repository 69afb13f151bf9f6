import type { z } from "zod";

/** Cases one replication may simulate: about 350 years of England's demand, and what fits comfortably in memory. */
export const MAX_CASES_PER_REPLICATION = 20_000_000;
/** Cases open at once: each holds a pending event, and the event queue holds at most 4,194,304. */
export const MAX_OPEN_CASES = 1_000_000;
/** Posts across all areas: about 60 times England's 1,600 case-holding FTE. */
export const MAX_POSTS = 100_000;

/** The parts of a scenario its size depends on (a structural subset of the parsed scenario). */
interface Sized {
  readonly horizonWeeks: number;
  readonly warmupWeeks?: number | undefined;
  readonly initialCases?: readonly unknown[] | undefined;
  readonly areas: readonly {
    readonly demand: { readonly privatePerWeek: number; readonly publicPerWeek: number };
    readonly fca: { readonly longTermFte: number; readonly shortTermFte: number };
    readonly durations: { readonly publicMultiplier: number; readonly furtherWorkMultiplier: number };
    readonly staffing: readonly { readonly fte: number }[];
    readonly initial?: { readonly openPublic: number; readonly openWtfh: number; readonly openFurtherWork: number; readonly awaitingAllocation: number; readonly inHub: number } | undefined;
  }[];
  readonly national: {
    readonly demand: { readonly seasonality: readonly number[]; readonly trendPerYear: number; readonly multiplier: number; readonly shocks: readonly { readonly multiplier: number }[] };
    readonly durations: { readonly public: { readonly meanWeeks: number }; readonly furtherWork: { readonly meanWeeks: number }; readonly slowdowns: readonly { readonly multiplier: number }[] };
    readonly workforce: { readonly fteMultiplier: number };
  };
}

const n = (x: number): string => Math.round(x).toLocaleString("en-GB");
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * An upper estimate of a run's size (cases a replication simulates, cases open at once, posts), checked
 * before anything runs: beyond these hubsim would run out of memory or event-queue room, so the
 * scenario is refused with the fields that drive the size named.
 */
export function checkRunSize(s: Sized, ctx: z.RefinementCtx): void {
  const d = s.national.demand;
  const weeks = s.horizonWeeks + (s.warmupWeeks ?? (s.initialCases !== undefined || s.areas.some((a) => a.initial !== undefined) ? 0 : 104));
  const growth = d.trendPerYear === 0 ? 1 : Math.max(1, (1 + d.trendPerYear) ** (weeks / 52));
  const peakShock = Math.max(1, ...d.shocks.map((x) => x.multiplier));
  const perWeek = sum(s.areas.map((a) => a.demand.privatePerWeek + a.demand.publicPerWeek)) * d.multiplier * Math.max(...d.seasonality) * peakShock * growth;
  const stock = sum(s.areas.map((a) => (a.initial === undefined ? 0 : a.initial.openPublic + a.initial.openWtfh + a.initial.openFurtherWork + a.initial.awaitingAllocation + a.initial.inHub))) + (s.initialCases?.length ?? 0);
  const cases = perWeek * weeks + stock;
  const demandFields = "areas[].demand × national.demand.multiplier (with its shocks and trendPerYear) over horizonWeeks + warmupWeeks";
  if (cases > MAX_CASES_PER_REPLICATION) {
    ctx.addIssue({ code: "custom", path: [], message: `the run is too large: about ${n(cases)} cases a replication from ${demandFields}, where hubsim simulates at most ${n(MAX_CASES_PER_REPLICATION)}` });
    return;
  }
  const slowest = Math.max(1, ...s.national.durations.slowdowns.map((x) => x.multiplier));
  const longest = Math.max(...s.areas.map((a) => Math.max(s.national.durations.public.meanWeeks * a.durations.publicMultiplier, s.national.durations.furtherWork.meanWeeks * a.durations.furtherWorkMultiplier))) * slowest;
  const open = stock + perWeek * Math.min(weeks, longest);
  if (open > MAX_OPEN_CASES) {
    ctx.addIssue({ code: "custom", path: [], message: `the run is too large: about ${n(open)} cases would be open at once (areas[].initial and initialCases, plus ${demandFields} × the longest durations and slowdowns), where hubsim holds at most ${n(MAX_OPEN_CASES)}` });
  }
  const posts = sum(s.areas.map((a) => a.fca.longTermFte + a.fca.shortTermFte + sum(a.staffing.map((c) => Math.max(0, c.fte))))) * s.national.workforce.fteMultiplier;
  if (posts > MAX_POSTS) {
    ctx.addIssue({ code: "custom", path: [], message: `the run is too large: the areas' posts come to ${n(posts)} (areas[].fca FTE and staffing changes × national.workforce.fteMultiplier), where hubsim models at most ${n(MAX_POSTS)}` });
  }
}
