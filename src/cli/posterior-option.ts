import { basename, dirname, resolve } from "node:path";
import { declaredDraws, scenarioWith, withoutFields, type PosteriorDraws } from "../experiment/index.js";
import type { Scenario } from "../model/index.js";
import { posteriorDraws, readPosteriorFile } from "./posterior-file.js";
import { UserError } from "./user-error.js";

/**
 * The posterior a command's replications draw from: `--posterior FILE`; else the scenario's own
 * `posterior` (relative to the scenario file); none with `--posterior none`. Checked against the
 * scenario before anything runs. `levers` are fields the command itself sets (a sweep's or
 * search's varied fields, `--set`): they are left out of the draws, or they would move nothing.
 */
export function posteriorPlan(flag: string | undefined, scenario: Scenario, scenarioFile: string, levers: readonly string[] = []): { posterior?: PosteriorDraws } {
  if (flag === "none") return {};
  const path = flag ?? (scenario.posterior === undefined ? undefined : resolve(dirname(scenarioFile), scenario.posterior));
  if (path === undefined) return {};
  const where = flag !== undefined ? `--posterior ${flag}` : `${scenarioFile}: posterior ${scenario.posterior}`;
  let fitted: PosteriorDraws;
  try {
    fitted = posteriorDraws(readPosteriorFile(path), basename(path));
  } catch (error) {
    throw new UserError(flag !== undefined ? (error as Error).message : `${where}: ${(error as Error).message.replace(/^--posterior [^:]*: /, "")} (run with --posterior none to use the fixed values)`);
  }
  const draws = declaredDraws(fitted, scenario.priors);
  if (typeof draws === "string") throw new UserError(`${where}: ${draws}`);
  draws.particles.forEach((p, i) => {
    try {
      scenarioWith(scenario, draws.paths, p.theta);
    } catch (error) {
      throw new UserError(`${where}: particle ${i} gives a scenario the schema refuses (${(error as Error).message})`);
    }
  });
  return { posterior: withoutFields(draws, levers, "the command") };
}
