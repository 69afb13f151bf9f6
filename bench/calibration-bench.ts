/** The calibration benchmark: simulated parameter sets per second when fitting covid-2020 to every observation, on 2 workers. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { workerPool } from "../src/cli/worker-pool.js";
import { abcSmc, fittedObservations, hubsimProblem, parseObservationsCsv } from "../src/experiment/index.js";
import { parseScenario } from "../src/model/index.js";

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** Simulations per second of generation 0 (drawn from the priors) of a fit to Jan 2025, and the time 1,000 would take. */
export async function calibrationSpeed(particles: number): Promise<{ simulations: number; perSecond: number; minutesPer1000: number }> {
  const parsed = parseScenario(JSON.parse(readFileSync(root("scenarios/covid-2020.json"), "utf8")));
  if (!parsed.ok) throw new Error("scenarios/covid-2020.json does not parse");
  const scenario = parsed.scenario;
  const observations = fittedObservations(scenario, parseObservationsCsv(readFileSync(root("observations/cafcass-published.csv"), "utf8"), "cafcass-published.csv"), "2025-01-31");
  const pool = workerPool(2);
  try {
    const started = performance.now();
    for await (const e of abcSmc(hubsimProblem(scenario, scenario.priors, observations, pool, 1), { particles, generations: 1, seed: 1 })) if (e.kind === "done") break;
    const seconds = (performance.now() - started) / 1000;
    return { simulations: particles, perSecond: particles / seconds, minutesPer1000: 1000 / (particles / seconds) / 60 };
  } finally {
    await pool.close();
  }
}
