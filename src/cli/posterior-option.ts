import { basename } from "node:path";
import { posteriorMismatch, scenarioWith, type PosteriorDraws } from "../experiment/index.js";
import type { Scenario } from "../model/index.js";
import { posteriorDraws, readPosteriorFile } from "./posterior-file.js";
import { UserError } from "./user-error.js";

/** What `--posterior FILE` adds to a run plan: nothing without it; with it, the posterior's draws, checked against the scenario before anything runs. */
export function posteriorPlan(path: string | undefined, scenario: Scenario): { posterior?: PosteriorDraws } {
  if (path === undefined) return {};
  const draws = posteriorDraws(readPosteriorFile(path), basename(path));
  const mismatch = posteriorMismatch(draws, scenario.priors);
  if (mismatch !== undefined) throw new UserError(`--posterior ${path}: ${mismatch}`);
  draws.particles.forEach((p, i) => {
    try {
      scenarioWith(scenario, draws.paths, p.theta);
    } catch (error) {
      throw new UserError(`--posterior ${path}: particle ${i} gives a scenario the schema refuses (${(error as Error).message})`);
    }
  });
  return { posterior: draws };
}

/** Refuses a lever the posterior also sets: each replication's draw would overwrite the value being varied. */
export function variedFitted(posterior: PosteriorDraws | undefined, paths: readonly string[]): void {
  const both = paths.filter((p) => posterior?.paths.includes(p) === true);
  if (both.length > 0) throw new UserError(`--vary ${both.join(", ")}: the posterior draws ${both.length > 1 ? "these fields" : "this field"} for every replication, so varying ${both.length > 1 ? "them" : "it"} would change nothing; drop --posterior or vary another field`);
}
