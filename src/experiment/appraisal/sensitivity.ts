import type { Scenario } from "../../model/index.js";
import type { ReplicationExecutor } from "../executor.js";
import type { RunPlan } from "../run-replications.js";
import { pathKeys, withPath } from "../scenario-path.js";
import type { ArmFlows } from "./arm-flows.js";
import { appraisalArms } from "./arms.js";
import { appraise, appraiseFlows, runArm, settingOf, type AppraisalEvent, type AppraisalRun } from "./appraise.js";
import { SENSITIVITY_INPUTS, type SensitivityInput } from "./sensitivity-inputs.js";

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
}

/** The scenario with one input set to `value` (an effect fixed at it; a discount rate flat from year 0). */
export function withInput(scenario: Scenario, input: SensitivityInput, value: number): Scenario {
  if (input.set === "flat-discount") return withPath(scenario, input.path, [{ fromYear: 0, rate: value }]) as Scenario;
  if (input.set === "fixed-effect") return withPath(scenario, input.path, { mean: value, sd: 0, min: value, max: value }) as Scenario;
  return withPath(scenario, input.path, value) as Scenario;
}

/** The input's value in the scenario (an effect's mean; the first discount rate). */
export function inputValue(scenario: Scenario, input: SensitivityInput): number {
  const node = pathKeys(input.path).reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], scenario);
  if (input.set === "flat-discount") return (node as { rate: number }[])[0]!.rate;
  return input.set === "fixed-effect" ? (node as { mean: number }).mean : (node as number);
}

const totalNpv = (run: AppraisalRun): number => run.summary.payers[run.summary.payers.length - 1]!.npv.mean;

/**
 * Runs the base appraisal, then each input at its low and high end: cost inputs re-cost the base
 * flows (no new runs); model inputs re-run both arms on the same seed and replications.
 */
export async function* sensitivity(scenario: Scenario, areas: readonly string[] | undefined, plan: RunPlan, executor: ReplicationExecutor, inputs: readonly SensitivityInput[] = SENSITIVITY_INPUTS): AsyncGenerator<AppraisalEvent<Sensitivity>> {
  const counter = { done: 0, total: 2 * plan.replications * (1 + 2 * inputs.filter((i) => i.kind === "model").length) };
  let base: AppraisalRun | undefined;
  for await (const e of appraise(scenario, areas, plan, executor, counter)) if (e.kind === "progress") yield e; else base = e.result;
  const npvAt = async function* (input: SensitivityInput, value: number): AsyncGenerator<AppraisalEvent<number>> {
    const changed = withInput(scenario, input, value);
    if (input.kind === "cost") {
      yield { kind: "done", result: totalNpv(appraiseFlows(settingOf(appraisalArms(scenario, areas), plan), base!.doNothing, base!.rollOut, changed.costs, scenario)) };
      return;
    }
    const arms = appraisalArms(changed, areas), doNothing: ArmFlows[] = [], rollOut: ArmFlows[] = [];
    yield* runArm(arms.doNothing, plan, executor, doNothing, counter, arms.slots);
    yield* runArm(arms.rollOut, plan, executor, rollOut, counter, arms.slots);
    yield { kind: "done", result: totalNpv(appraiseFlows(settingOf(arms, plan), doNothing, rollOut, scenario.costs, scenario)) };
  };
  const rows: TornadoRow[] = [];
  for (const input of inputs) {
    const npv: number[] = [];
    for (const value of [input.low, input.high]) for await (const e of npvAt(input, value)) if (e.kind === "progress") yield e; else npv.push(e.result);
    const [npvLow, npvHigh] = npv as [number, number];
    rows.push({ input: input.name, path: input.path, kind: input.kind, base: inputValue(scenario, input), low: input.low, high: input.high, npvLow, npvHigh, swing: Math.abs(npvHigh - npvLow), source: input.source });
  }
  yield { kind: "done", result: { base: base!, baseNpv: totalNpv(base!), rows: rows.sort((a, b) => b.swing - a.swing) } };
}
