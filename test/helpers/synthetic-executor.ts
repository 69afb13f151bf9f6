import type { ReplicationExecutor } from "../../src/experiment/index.js";
import {
  plusLength, resultShape, SCALAR_METRICS, scalarIndex, scalarOffset, WEEKLY_METRICS, weeklyIndex, weeklyOffset,
  type ReplicationResult, type Scenario,
} from "../../src/model/index.js";

/**
 * An executor whose replications are made up: every week's national hub backlog (and the
 * hub_backlog_end scalar) is `backlog(scenario, replication)`, everything else 0. A lever with
 * a known effect, for testing searches and sweeps without simulating.
 */
export function syntheticExecutor(backlog: (scenario: Scenario, replication: number) => number): ReplicationExecutor & { readonly runs: () => number } {
  let runs = 0;
  return {
    concurrency: 1,
    runs: () => runs,
    run: (task) => {
      runs++;
      const shape = resultShape(task.scenario), rows = shape.areas.length + 1, value = backlog(task.scenario, task.replication);
      const weekly = new Float64Array(shape.weeks * rows * WEEKLY_METRICS.length);
      for (let w = 0; w < shape.weeks; w++) weekly[weeklyOffset(shape, w, shape.areas.length, weeklyIndex("hub_backlog"))] = value;
      const scalars = new Float64Array(rows * SCALAR_METRICS.length);
      scalars[scalarOffset(shape.areas.length, scalarIndex("hub_backlog_end"))] = value;
      const result: ReplicationResult = {
        replication: task.replication, weekly, scalars, plus: new Float64Array(plusLength(shape)), interventions: new Float64Array(0), conservationChecks: 0,
        transitions: new Float64Array(0), events: 0, reviews: 0, kernelEvents: 0,
      };
      return Promise.resolve(result);
    },
    recycle: () => {},
    close: () => Promise.resolve(),
  };
}
