import { resultShape, type Scenario } from "../../model/index.js";
import type { ReplicationExecutor } from "../executor.js";
import type { RunPlan } from "../run-replications.js";
import { armFlows, type ArmFlows } from "./arm-flows.js";
import { appraisalArms } from "./arms.js";
import { appraiseFlows, settingOf } from "./appraise.js";
import type { AppraisalSummary } from "./appraisal-summary.js";

/** An appraisal in flight: the summary over the replications whose two arms are both done. */
export interface LiveAppraisal {
  readonly summary: AppraisalSummary;
  readonly done: number;
  readonly total: number;
}

/**
 * Appraises the scenario's roll-out (or `areas`) pair by pair: replication r of do-nothing and of
 * roll-out run side by side on common random numbers, and a summary over the pairs done so far
 * is yielded, in replication order, as they land. Aborting the signal stops the runs in flight.
 */
export async function* liveAppraisal(scenario: Scenario, plan: RunPlan, executor: ReplicationExecutor, signal?: AbortSignal, areas?: readonly string[]): AsyncGenerator<LiveAppraisal> {
  const arms = appraisalArms(scenario, areas), shape = resultShape(scenario), total = plan.replications;
  const inner = new AbortController(), onAbort = (): void => inner.abort();
  signal?.addEventListener("abort", onAbort);
  const runPair = async (replication: number): Promise<readonly [ArmFlows, ArmFlows]> => {
    const run = async (s: Scenario): Promise<ArmFlows> => {
      const result = await executor.run({ scenario: s, seed: plan.seed, replication }, { signal: inner.signal });
      const flows = armFlows(result, shape, arms.slots);
      executor.recycle(result);
      return flows;
    };
    return Promise.all([run(arms.doNothing), run(arms.rollOut)]);
  };
  const doNothing: ArmFlows[] = [], rollOut: ArmFlows[] = [];
  const window = Math.max(1, Math.ceil(executor.concurrency / 2));
  const pending = new Map<number, Promise<readonly [ArmFlows, ArmFlows]>>();
  let next = 0, running = 0;
  // Pairs start as others finish, not as the reader asks, so the workers never wait for a redraw.
  const launch = (): void => {
    while (next < total && running < window && !inner.signal.aborted) {
      const pair = runPair(next);
      running++;
      pair.then(() => {
        running--;
        launch();
      }, () => undefined); // failures are met where the pair is awaited, in order, below
      pending.set(next++, pair);
    }
  };
  try {
    for (let r = 0; r < total; r++) {
      launch();
      const [d, o] = await pending.get(r)!;
      pending.delete(r);
      if (inner.signal.aborted) return;
      doNothing.push(d);
      rollOut.push(o);
      const { summary } = appraiseFlows(settingOf(arms, { ...plan, replications: r + 1 }), doNothing, rollOut, scenario.costs, scenario);
      yield { summary, done: r + 1, total };
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    inner.abort();
  }
}
