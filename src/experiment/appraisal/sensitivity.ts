import { onlyAreas, type Scenario } from "../../model/index.js";
import type { ReplicationExecutor } from "../executor.js";
import type { RunPlan } from "../run-replications.js";
import { pathKeys, withPath } from "../scenario-path.js";
import type { ArmFlows } from "./arm-flows.js";
import { appraisalArms, PLUS, whereOf, type AppraisalArms } from "./arms.js";
import { appraise, appraiseFlows, runArms, settingOf, type AppraisalEvent, type AppraisalOptions, type AppraisalRun, type ArmRun } from "./appraise.js";
import { posteriorScenarios } from "../calibration/posterior.js";
import { withCountedEffect } from "./counted-effect.js";
import { sensitivityInputs, type SensitivityInput } from "./sensitivity-inputs.js";

/** One bar of the tornado: mean total NPV with the input at each end of its range. */
export interface TornadoRow {
  readonly input: string;
  readonly path: string;
  readonly kind: SensitivityInput["kind"];
  readonly base: number;
  readonly low: number;
  readonly high: number;
  readonly npvLow: number;
  readonly npvHigh: number;
  /** |npvHigh − npvLow|: what the bars are sorted by. */
  readonly swing: number;
  readonly source: string;
}

/** A one-way sensitivity analysis: the base appraisal and one row per input, widest swing first. */
export interface Sensitivity {
  readonly base: AppraisalRun;
  readonly baseNpv: number;
  readonly rows: readonly TornadoRow[];
  /** Whether model inputs were re-run on the roll-out areas alone (the rest cancel between the arms), rather than on every area. */
  readonly rolloutAreasOnly: boolean;
  /** Whether the do-nothing arm was reused for inputs that act only where the intervention is live. */
  readonly reusedDoNothing: boolean;
}

/** The scenario with one input set to `value` (an effect fixed at it; a discount rate flat from year 0). */
export function withInput(scenario: Scenario, input: SensitivityInput, value: number): Scenario {
  if (input.set === "flat-discount") return withPath(scenario, input.path, [{ fromYear: 0, rate: value }]) as Scenario;
  if (input.set === "fixed-effect") return withPath(scenario, input.path, { mean: value, sd: 0, min: value, max: value }) as Scenario;
  if (input.set === "fixed-dist") return withPath(scenario, input.path, { dist: "fixed", value }) as Scenario;
  return withPath(scenario, input.path, value) as Scenario;
}

/** The input's value in the scenario (an effect's mean, or a uniform effect's midpoint; the first discount rate). */
export function inputValue(scenario: Scenario, input: SensitivityInput): number {
  const node = pathKeys(input.path).reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], scenario);
  if (input.set === "flat-discount") return (node as { rate: number }[])[0]!.rate;
  if (input.set === "fixed-dist") {
    const d = node as { dist: string; value?: number; mean?: number; min?: number; max?: number };
    return d.dist === "fixed" ? d.value! : d.dist === "normal" ? d.mean! : (d.min! + d.max!) / 2;
  }
  return input.set === "fixed-effect" ? (node as { mean: number }).mean : (node as number);
}

/** How a sensitivity runs: the appraisal's own options, and (to check the shortcut) re-running every area. */
export interface SensitivityOptions extends AppraisalOptions {
  readonly everyArea?: boolean;
}

/** Both arms' flows, replication by replication. */
type Flows = { readonly doNothing: readonly ArmFlows[]; readonly rollOut: readonly ArmFlows[] };

const totalNpv = (run: AppraisalRun): number => run.summary.payers[run.summary.payers.length - 1]!.npv.mean;

/** Whether every replication's total NPV agrees to rounding (1e-9 of its scale) between two appraisals of the same pairs. */
function samePairs(a: AppraisalRun, b: AppraisalRun): boolean {
  return a.pairs.length === b.pairs.length && a.pairs.every((p, r) => {
    const q = b.pairs[r]!.total;
    return Math.abs(p.total.npv - q.npv) <= 1e-9 * Math.max(1, p.total.costs + p.total.savings);
  });
}

/** Whether no appraised intervention is live anywhere in the do-nothing arm (no sites), so inputs acting only where it is live leave that arm as it is. */
function nothingLive(arms: AppraisalArms): boolean {
  return arms.interventions.every((n) => whereOf(arms.doNothing, n).sites.length === 0);
}

/**
 * Runs the base appraisal, then each input at its low and high end: cost inputs, and effects that
 * change only what is counted (expert reports, guardian hours), re-cost the base flows (no new
 * runs); model inputs re-run the arms on the same seed and replications. Areas do
 * not interact, so areas outside the roll-out draw the same numbers in both arms and cancel: the
 * model inputs re-run the roll-out areas alone, once a re-run of the base on those areas alone has
 * given every replication's NPV as the full base did (else every area is re-run). Where no
 * appraised intervention is live in that do-nothing arm, inputs acting only where it is live reuse it.
 * All re-runs go to the executor as one batch.
 */
export async function* sensitivity(scenario: Scenario, areas: readonly string[] | undefined, plan: RunPlan, executor: ReplicationExecutor, interventions: readonly string[] = [PLUS], options: SensitivityOptions = {}, inputs: readonly SensitivityInput[] = sensitivityInputs(scenario, interventions)): AsyncGenerator<AppraisalEvent<Sensitivity>> {
  const full = appraisalArms(scenario, areas, interventions);
  const models = inputs.filter((i) => i.kind === "model");
  const scenariosOf = (arm: Scenario): ((replication: number) => Scenario) => (plan.posterior === undefined ? () => arm : posteriorScenarios(arm, plan.posterior, plan.seed));
  // Nothing to re-run without a model input; and a posterior that sets a field of one area by its
  // place in the list would set another in the cut-down scenario.
  const reducible = models.length > 0 && options.everyArea !== true && full.areas.length < scenario.areas.length && !(plan.posterior?.paths.some((p) => p.startsWith("areas")) ?? false);
  // The re-runs on `on`: its base arms (unless given, as the full base is), then each model input at each end.
  const rerun = (on: Scenario, given?: Flows): { arms: AppraisalArms; jobs: ArmRun[]; flows: Flows[] } => {
    const arms = appraisalArms(on, areas, interventions), reuse = nothingLive(arms), jobs: ArmRun[] = [];
    const fresh = { doNothing: [] as ArmFlows[], rollOut: [] as ArmFlows[] }, base: Flows = given ?? fresh;
    if (given === undefined) jobs.push({ scenario: arms.doNothing, slots: arms.slots, into: fresh.doNothing }, { scenario: arms.rollOut, slots: arms.slots, into: fresh.rollOut });
    const flows = [base, ...models.flatMap((input) => [input.low, input.high].map((value): Flows => {
      const changed = appraisalArms(withInput(on, input, value), areas, interventions);
      const doNothing: ArmFlows[] = [], rollOut: ArmFlows[] = [], again = !(input.liveOnly === true && reuse);
      if (again) jobs.push({ scenario: changed.doNothing, slots: changed.slots, into: doNothing });
      jobs.push({ scenario: changed.rollOut, slots: changed.slots, into: rollOut });
      return { doNothing: again ? doNothing : base.doNothing, rollOut };
    }))];
    return { arms, jobs, flows };
  };
  const npvOf = (arms: AppraisalArms, f: Flows): AppraisalRun => appraiseFlows(settingOf(arms, plan, options), f.doNothing, f.rollOut, scenario.costs, scenario);
  // Re-runs on every area use the full base's own flows, which land in `baseFlows` once it has run.
  const baseFlows = { doNothing: [] as ArmFlows[], rollOut: [] as ArmFlows[] };
  let reruns = reducible ? rerun(onlyAreas(scenario, full.areas)) : rerun(scenario, baseFlows);
  let counter = { done: 0, total: plan.replications * (2 + reruns.jobs.length) };
  let base: AppraisalRun | undefined;
  for await (const e of appraise(scenario, areas, plan, executor, counter, interventions, options)) if (e.kind === "progress") yield e; else base = e.result;
  baseFlows.doNothing.push(...base!.doNothing);
  baseFlows.rollOut.push(...base!.rollOut);
  yield* runArms(reruns.jobs, plan, executor, counter);
  if (reducible && !samePairs(npvOf(reruns.arms, reruns.flows[0]!), base!)) {
    reruns = rerun(scenario, baseFlows);
    counter = { done: counter.done, total: counter.total + plan.replications * reruns.jobs.length };
    yield* runArms(reruns.jobs, plan, executor, counter);
  }
  const fullArms = settingOf(full, plan, options);
  const rows: TornadoRow[] = inputs.map((input) => {
    const npv = [input.low, input.high].map((value, j) => {
      const changed = withInput(scenario, input, value);
      if (input.counted !== undefined) {
        const slot = full.interventions.indexOf(input.counted.intervention), counted = input.counted;
        const recount = (flows: readonly ArmFlows[], arm: Scenario): ArmFlows[] => withCountedEffect(flows, slot, full.slots[slot]!, scenariosOf(arm), plan.seed, plan.first ?? 0, counted, value);
        return totalNpv(appraiseFlows(fullArms, recount(base!.doNothing, full.doNothing), recount(base!.rollOut, full.rollOut), scenario.costs, scenario));
      }
      if (input.kind === "cost") return totalNpv(appraiseFlows(fullArms, base!.doNothing, base!.rollOut, changed.costs, changed));
      return totalNpv(npvOf(reruns.arms, reruns.flows[1 + 2 * models.indexOf(input) + j]!));
    }) as [number, number];
    return { input: input.name, path: input.path, kind: input.kind, base: inputValue(scenario, input), low: input.low, high: input.high, npvLow: npv[0], npvHigh: npv[1], swing: Math.abs(npv[1] - npv[0]), source: input.source };
  });
  yield { kind: "done", result: { base: base!, baseNpv: totalNpv(base!), rows: rows.sort((a, b) => b.swing - a.swing), rolloutAreasOnly: reruns.arms.rollOut.areas.length < scenario.areas.length, reusedDoNothing: nothingLive(reruns.arms) && models.some((m) => m.liveOnly === true) } };
}
