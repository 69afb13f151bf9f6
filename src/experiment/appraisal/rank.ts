import { onlyAreas, type Scenario } from "../../model/index.js";
import type { ReplicationExecutor } from "../executor.js";
import type { RunPlan } from "../run-replications.js";
import type { ProportionInterval } from "../statistics/index.js";
import type { ArmFlows } from "./arm-flows.js";
import { appraisalArms, candidateAreas, PLUS, whereOf } from "./arms.js";
import { appraiseFlows, runArms, settingOf, type AppraisalEvent, type AppraisalOptions, type ArmRun } from "./appraise.js";
import type { ValueSpread } from "./value-spread.js";

/** One candidate area appraised alone. */
export interface RankRow {
  readonly rank: number;
  readonly area: string;
  /** Whether the scenario's own roll-out already plans this area. */
  readonly planned: boolean;
  readonly npv: ValueSpread;
  readonly bcr: number;
  readonly pSaving: ProportionInterval;
  readonly breakEvenWeek: number | null;
  readonly extraDiverted: number;
}

/** Candidates for the next wave, best first, with the run's conventions. */
export interface Ranking {
  readonly scenario: string;
  /** The interventions rolled out together to each candidate. */
  readonly interventions: readonly string[];
  readonly replications: number;
  readonly seed: number;
  readonly horizonWeeks: number;
  /** Weeks money is counted over (the horizon, or more with run-off). */
  readonly appraisalWeeks: number;
  readonly priceYear: string;
  readonly discount: Scenario["costs"]["discount"];
  /** The posterior each replication drew its parameters from, if any. */
  readonly posterior?: string;
  readonly rows: readonly RankRow[];
}

/** Orders rows by mean NPV, highest first; ties by P(saving), then by name so the order is stable. */
export function rankRows(rows: readonly Omit<RankRow, "rank">[]): RankRow[] {
  return [...rows]
    .sort((a, b) => b.npv.mean - a.npv.mean || b.pSaving.p - a.pSaving.p || a.area.localeCompare(b.area))
    .map((r, i) => ({ ...r, rank: i + 1 }));
}

/**
 * Appraises each candidate area (any area not already a site of the interventions) alone, all on
 * common random numbers, and ranks them for the next wave. Areas do not interact, so each
 * candidate's do-nothing and roll-out arms run on that area alone (the rest would cancel between
 * them), all as one batch; a posterior that sets an area's field by its place in the list rules
 * that out, and then one shared do-nothing arm and each candidate's roll-out run on every area.
 */
export async function* rankAreas(scenario: Scenario, plan: RunPlan, executor: ReplicationExecutor, interventions: readonly string[] = [PLUS], options: AppraisalOptions = {}): AsyncGenerator<AppraisalEvent<Ranking>> {
  const candidates = candidateAreas(scenario, interventions);
  if (candidates.length === 0) throw new RangeError(`every area is already a site of ${interventions.join(" and ")}: nothing to rank`);
  const alone = !(plan.posterior?.paths.some((p) => p.startsWith("areas")) ?? false);
  const arms = candidates.map((area) => appraisalArms(alone ? onlyAreas(scenario, [area]) : scenario, [area], interventions));
  const flows = candidates.map(() => ({ doNothing: [] as ArmFlows[], rollOut: [] as ArmFlows[] }));
  const jobs: ArmRun[] = alone
    ? arms.flatMap((a, i) => [{ scenario: a.doNothing, slots: a.slots, into: flows[i]!.doNothing }, { scenario: a.rollOut, slots: a.slots, into: flows[i]!.rollOut }])
    : [{ scenario: arms[0]!.doNothing, slots: arms[0]!.slots, into: flows[0]!.doNothing }, ...arms.map((a, i) => ({ scenario: a.rollOut, slots: a.slots, into: flows[i]!.rollOut }))];
  yield* runArms(jobs, plan, executor, { done: 0, total: plan.replications * jobs.length });
  const planned = new Set(interventions.flatMap((n) => whereOf(scenario, n).rollout.areas));
  const rows = candidates.map((area, i) => {
    const { summary: s } = appraiseFlows(settingOf(arms[i]!, plan, options), alone ? flows[i]!.doNothing : flows[0]!.doNothing, flows[i]!.rollOut, scenario.costs, scenario);
    return { area, planned: planned.has(area), npv: s.payers[s.payers.length - 1]!.npv, bcr: s.bcr.ratioOfMeans, pSaving: s.pSaving, breakEvenWeek: s.breakEven.medianWeek, extraDiverted: s.extraDiverted.mean };
  });
  const { name, horizonWeeks, costs } = scenario, setting = settingOf(arms[0]!, plan, options);
  yield {
    kind: "done",
    result: { scenario: name, interventions: [...interventions], replications: plan.replications, seed: plan.seed, horizonWeeks, appraisalWeeks: setting.appraisalWeeks, priceYear: costs.priceYear, discount: costs.discount, ...(setting.posterior === undefined ? {} : { posterior: setting.posterior }), rows: rankRows(rows) },
  };
}
