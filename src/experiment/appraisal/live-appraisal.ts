import { resultShape, type Scenario } from "../../model/index.js";
import type { ReplicationExecutor } from "../executor.js";
import { OrderedRuns } from "../ordered-runs.js";
import type { RunPlan } from "../run-replications.js";
import { armFlows, type ArmFlows } from "./arm-flows.js";
import { appraisalArms } from "./arms.js";
import { appraiseFlows, settingOf, type AppraisalOptions } from "./appraise.js";
import type { AppraisalSummary } from "./appraisal-summary.js";

/** What to appraise live: roll-out areas (default: the planned ones), the interventions (default Cafcass Plus) and the appraisal years (default: the horizon). */
export interface LiveAppraisalOptions extends AppraisalOptions {
  readonly areas?: readonly string[];
  readonly interventions?: readonly string[];
}

/** An appraisal in flight: the summary over the replications whose two arms are both done. */
export interface LiveAppraisal {
  readonly summary: AppraisalSummary;
  readonly done: number;
  readonly total: number;
}

/**
 * Appraises the scenario's roll-out (or `areas`) of `interventions` (default Cafcass Plus) pair by pair: replication r of do-nothing and of
 * roll-out run side by side on common random numbers, and a summary over the pairs done so far
 * is yielded, in replication order, as they land. Aborting the signal stops the runs in flight.
 */
export async function* liveAppraisal(scenario: Scenario, plan: RunPlan, executor: ReplicationExecutor, signal?: AbortSignal, options: LiveAppraisalOptions = {}): AsyncGenerator<LiveAppraisal> {
  const { areas, interventions } = options;
  const arms = appraisalArms(scenario, areas, interventions), shape = resultShape(scenario);
  const runPair = (replication: number, signal: AbortSignal): Promise<readonly [ArmFlows, ArmFlows]> => {
    const run = async (s: Scenario): Promise<ArmFlows> => {
      const result = await executor.run({ scenario: s, seed: plan.seed, replication }, { signal });
      const flows = armFlows(result, shape, arms.slots);
      executor.recycle(result);
      return flows;
    };
    return Promise.all([run(arms.doNothing), run(arms.rollOut)]);
  };
  const doNothing: ArmFlows[] = [], rollOut: ArmFlows[] = [];
  // Two arms a pair: half as many pairs as workers keep every worker busy.
  const runs = new OrderedRuns(0, plan.replications, { size: Math.ceil(executor.concurrency / 2), counts: "running" }, runPair, signal);
  try {
    while (!runs.finished) {
      const [d, o] = await runs.next();
      if (runs.aborted) return;
      doNothing.push(d);
      rollOut.push(o);
      const { summary } = appraiseFlows(settingOf(arms, { ...plan, replications: doNothing.length }, options), doNothing, rollOut, scenario.costs, scenario);
      yield { summary, done: doNothing.length, total: plan.replications };
    }
  } finally {
    runs.close();
  }
}
