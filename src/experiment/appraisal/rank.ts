import type { Scenario } from "../../model/index.js";
import type { ReplicationExecutor } from "../executor.js";
import type { RunPlan } from "../run-replications.js";
import type { ProportionInterval } from "../statistics/index.js";
import type { ArmFlows } from "./arm-flows.js";
import { appraisalArms, candidateAreas } from "./arms.js";
import { appraiseFlows, runArm, settingOf, type AppraisalEvent } from "./appraise.js";
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
  readonly replications: number;
  readonly seed: number;
  readonly horizonWeeks: number;
  readonly priceYear: string;
  readonly discount: Scenario["costs"]["discount"];
  readonly rows: readonly RankRow[];
}

/** Orders rows by mean NPV, highest first; ties by P(saving), then by name so the order is stable. */
export function rankRows(rows: readonly Omit<RankRow, "rank">[]): RankRow[] {
  return [...rows]
    .sort((a, b) => b.npv.mean - a.npv.mean || b.pSaving.p - a.pSaving.p || a.area.localeCompare(b.area))
    .map((r, i) => ({ ...r, rank: i + 1 }));
}

/**
 * Appraises each candidate area (any area not already a site) alone against one
 * shared do-nothing arm, all on common random numbers, and ranks them for the next wave.
 */
export async function* rankAreas(scenario: Scenario, plan: RunPlan, executor: ReplicationExecutor): AsyncGenerator<AppraisalEvent<Ranking>> {
  const candidates = candidateAreas(scenario);
  if (candidates.length === 0) throw new RangeError("every area is already a Cafcass Plus site: nothing to rank");
  const counter = { done: 0, total: plan.replications * (1 + candidates.length) };
  const doNothing: ArmFlows[] = [];
  yield* runArm(appraisalArms(scenario, [candidates[0]!]).doNothing, plan, executor, doNothing, counter, [0]);
  const rows: Omit<RankRow, "rank">[] = [];
  for (const area of candidates) {
    const arms = appraisalArms(scenario, [area]), rollOut: ArmFlows[] = [];
    yield* runArm(arms.rollOut, plan, executor, rollOut, counter, arms.slots);
    const { summary: s } = appraiseFlows(settingOf(arms, plan), doNothing, rollOut, scenario.costs, scenario);
    rows.push({ area, planned: scenario.cafcassPlus.rollout.areas.includes(area), npv: s.payers[s.payers.length - 1]!.npv, bcr: s.bcr.ratioOfMeans, pSaving: s.pSaving, breakEvenWeek: s.breakEven.medianWeek, extraDiverted: s.extraDiverted.mean });
  }
  const { name, horizonWeeks, costs } = scenario;
  yield { kind: "done", result: { scenario: name, replications: plan.replications, seed: plan.seed, horizonWeeks, priceYear: costs.priceYear, discount: costs.discount, rows: rankRows(rows) } };
}
