import { resultShape, type Costs, type Scenario } from "../../model/index.js";
import type { ReplicationExecutor } from "../executor.js";
import { runReplications, type RunPlan } from "../run-replications.js";
import { armFlows, type ArmFlows } from "./arm-flows.js";
import { appraisalArms, type AppraisalArms } from "./arms.js";
import { summariseAppraisal, type AppraisalSetting, type AppraisalSummary } from "./appraisal-summary.js";
import { appraisePair, type PairedAppraisal } from "./paired-appraisal.js";

/** Progress while appraisal runs go, then the result. */
export type AppraisalEvent<T> = { readonly kind: "progress"; readonly done: number; readonly total: number } | { readonly kind: "done"; readonly result: T };

/** A finished appraisal: the summary, each replication's pair, and both arms' flows (kept for re-costing). */
export interface AppraisalRun {
  readonly summary: AppraisalSummary;
  readonly pairs: readonly PairedAppraisal[];
  readonly doNothing: readonly ArmFlows[];
  readonly rollOut: readonly ArmFlows[];
}

/** Counts finished replications across several arms, for progress events. */
export interface ProgressCounter { done: number; readonly total: number }

/** Runs one arm's replications into `into`, yielding progress after each. */
export async function* runArm(scenario: Scenario, plan: RunPlan, executor: ReplicationExecutor, into: ArmFlows[], counter: ProgressCounter): AsyncGenerator<AppraisalEvent<never>> {
  const shape = resultShape(scenario);
  for await (const result of runReplications(scenario, plan, executor)) {
    into.push(armFlows(result, shape));
    executor.recycle(result);
    yield { kind: "progress", done: ++counter.done, total: counter.total };
  }
}

/** Appraises arms already run (replication r of each paired), under the given unit costs. */
export function appraiseFlows(setting: AppraisalSetting, doNothing: readonly ArmFlows[], rollOut: readonly ArmFlows[], costs: Costs): AppraisalRun {
  const pairs = doNothing.map((d, r) => appraisePair(r, d, rollOut[r]!, costs));
  return { summary: summariseAppraisal(setting, pairs, doNothing, rollOut), pairs, doNothing, rollOut };
}

/** The setting of an appraisal of these arms under this plan. */
export function settingOf(arms: AppraisalArms, plan: RunPlan): AppraisalSetting {
  const s = arms.rollOut;
  return { scenario: s.name, areas: arms.areas, replications: plan.replications, seed: plan.seed, horizonWeeks: s.horizonWeeks, priceYear: s.costs.priceYear, discount: s.costs.discount, ...(plan.posterior === undefined ? {} : { posterior: plan.posterior.name }) };
}

/**
 * Runs do-nothing and roll-out on common random numbers (the same seed and replication indices,
 * so everything the roll-out does not change draws the same numbers) and appraises each pair.
 */
export async function* appraise(scenario: Scenario, areas: readonly string[] | undefined, plan: RunPlan, executor: ReplicationExecutor, counter: ProgressCounter = { done: 0, total: 2 * plan.replications }): AsyncGenerator<AppraisalEvent<AppraisalRun>> {
  const arms = appraisalArms(scenario, areas);
  const doNothing: ArmFlows[] = [], rollOut: ArmFlows[] = [];
  yield* runArm(arms.doNothing, plan, executor, doNothing, counter);
  yield* runArm(arms.rollOut, plan, executor, rollOut, counter);
  yield { kind: "done", result: appraiseFlows(settingOf(arms, plan), doNothing, rollOut, scenario.costs) };
}
