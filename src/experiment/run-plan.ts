import type { Scenario } from "../model/index.js";
import type { PosteriorDraws } from "./calibration/posterior.js";
import type { RunPlan } from "./run-replications.js";

/** What a caller may set over a scenario's own run settings (absent: the scenario's). */
export interface PlanChoices {
  readonly replications?: number | undefined;
  readonly seed?: number | undefined;
  readonly first?: number | undefined;
  readonly posterior?: PosteriorDraws | undefined;
}

/** The one place a run plan is built: the scenario's replications and seed unless the caller chooses others. */
export function runPlan(scenario: Pick<Scenario, "run">, choices: PlanChoices = {}): RunPlan {
  return {
    replications: choices.replications ?? scenario.run.replications,
    seed: choices.seed ?? scenario.run.seed,
    ...(choices.first === undefined ? {} : { first: choices.first }),
    ...(choices.posterior === undefined ? {} : { posterior: choices.posterior }),
  };
}

/** The scenario over `weeks` instead of its own horizon (unchanged when weeks is undefined). */
export function withHorizon(scenario: Scenario, weeks: number | undefined): Scenario {
  return weeks === undefined ? scenario : { ...scenario, horizonWeeks: weeks };
}
