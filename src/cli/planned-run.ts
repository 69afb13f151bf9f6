import { runPlan, withHorizon, type PosteriorDraws, type RunPlan } from "../experiment/index.js";
import type { Scenario } from "../model/index.js";
import { posteriorPlan } from "./posterior-option.js";
import type { RunFlags } from "./run-options.js";

/** What a command adds to its flags: fields it sets itself (left out of the posterior's draws), its own default size, or draws already resolved. */
export interface PlanExtras {
  readonly levers?: readonly string[];
  readonly replications?: number;
  readonly posterior?: PosteriorDraws | "none";
}

/**
 * The scenario a command runs (--weeks applied) and its run plan (--reps and --seed over the
 * scenario's run settings, --posterior resolved beside the scenario file): every command builds both here.
 */
export function plannedRun(loaded: Scenario, file: string, flags: Pick<RunFlags, "reps" | "seed" | "weeks" | "posterior">, extras: PlanExtras = {}): { scenario: Scenario; plan: RunPlan } {
  const scenario = withHorizon(loaded, flags.weeks);
  const posterior = extras.posterior === "none" ? undefined : extras.posterior ?? posteriorPlan(flags.posterior, scenario, file, extras.levers).posterior;
  return { scenario, plan: runPlan(scenario, { replications: flags.reps ?? extras.replications, seed: flags.seed, posterior }) };
}
