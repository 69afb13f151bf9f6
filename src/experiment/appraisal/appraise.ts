import { resultShape, type Costs, type Scenario } from "../../model/index.js";
import type { ReplicationExecutor } from "../executor.js";
import { runBatch, type RunPlan } from "../run-replications.js";
import { armFlows, type ArmFlows } from "./arm-flows.js";
import { appraisalArms, type AppraisalArms } from "./arms.js";
import { summariseAppraisal, type AppraisalSetting, type AppraisalSummary } from "./appraisal-summary.js";
import { DEFLATOR_SOURCE } from "./deflators.js";
import { WEEKS_PER_YEAR } from "./discount.js";
import { linePrices } from "./line-prices.js";
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

/** Years an appraisal counts money over unless told otherwise (`--appraisal-years`, the TUI): the horizon plus the run-off after it. */
export const DEFAULT_APPRAISAL_YEARS = 10;

/** How long an appraisal counts money: years from the start (run-off after the simulated horizon included), or the horizon alone when absent. */
export interface AppraisalOptions { readonly appraisalYears?: number }

/** An arm to run: its scenario, where its appraised interventions' flows are in a result, and where each replication's flows go. */
export interface ArmRun {
  readonly scenario: Scenario;
  readonly slots: readonly number[];
  readonly into: ArmFlows[];
}

/** Runs the arms' replications as one batch (no worker idles between arms), each into its `into`, yielding progress after each. */
export async function* runArms(arms: readonly ArmRun[], plan: RunPlan, executor: ReplicationExecutor, counter: ProgressCounter): AsyncGenerator<AppraisalEvent<never>> {
  const shapes = arms.map((a) => resultShape(a.scenario));
  for await (const { scenario: i, result } of runBatch(arms.map((a) => a.scenario), plan, executor)) {
    arms[i]!.into.push(armFlows(result, shapes[i]!, arms[i]!.slots));
    executor.recycle(result);
    yield { kind: "progress", done: ++counter.done, total: counter.total };
  }
}

/** Runs one arm's replications into `into`, yielding progress after each. */
export function runArm(scenario: Scenario, plan: RunPlan, executor: ReplicationExecutor, into: ArmFlows[], counter: ProgressCounter, slots: readonly number[] = [0]): AsyncGenerator<AppraisalEvent<never>> {
  return runArms([{ scenario, slots, into }], plan, executor, counter);
}

/** Appraises arms already run (replication r of each paired), under the given unit costs. */
export function appraiseFlows(setting: AppraisalSetting, doNothing: readonly ArmFlows[], rollOut: readonly ArmFlows[], costs: Costs, scenario?: Scenario): AppraisalRun {
  const prices = setting.interventions.map((n) => linePrices(scenario, n, costs));
  const pairs = doNothing.map((d, r) => appraisePair(r, d, rollOut[r]!, costs, { prices, weeks: Math.min(setting.appraisalWeeks, d.weeks) }));
  return { summary: summariseAppraisal(setting, pairs, doNothing, rollOut), pairs, doNothing, rollOut };
}

/** The setting of an appraisal of these arms under this plan. */
export function settingOf(arms: AppraisalArms, plan: RunPlan, options: AppraisalOptions = {}): AppraisalSetting {
  const s = arms.rollOut;
  const appraisalWeeks = options.appraisalYears === undefined ? s.horizonWeeks : Math.round(options.appraisalYears * WEEKS_PER_YEAR);
  return {
    scenario: s.name, interventions: arms.interventions, areas: arms.areas, replications: plan.replications, seed: plan.seed, horizonWeeks: s.horizonWeeks, appraisalWeeks,
    priceYear: s.costs.priceYear, deflators: DEFLATOR_SOURCE, discount: s.costs.discount, ...(plan.posterior === undefined ? {} : { posterior: plan.posterior.name }),
  };
}

/**
 * Runs do-nothing and roll-out on common random numbers (the same seed and replication indices,
 * so everything the roll-out does not change draws the same numbers) and appraises each pair.
 */
export async function* appraise(scenario: Scenario, areas: readonly string[] | undefined, plan: RunPlan, executor: ReplicationExecutor, counter: ProgressCounter = { done: 0, total: 2 * plan.replications }, interventions?: readonly string[], options: AppraisalOptions = {}): AsyncGenerator<AppraisalEvent<AppraisalRun>> {
  const arms = appraisalArms(scenario, areas, interventions);
  const doNothing: ArmFlows[] = [], rollOut: ArmFlows[] = [];
  yield* runArms([{ scenario: arms.doNothing, slots: arms.slots, into: doNothing }, { scenario: arms.rollOut, slots: arms.slots, into: rollOut }], plan, executor, counter);
  yield { kind: "done", result: appraiseFlows(settingOf(arms, plan, options), doNothing, rollOut, scenario.costs, scenario) };
}
