import type { HoldoutScore } from "../experiment/index.js";
import { calibrationHtml, calibrationText, priorWords, type CalibrationPage } from "../report/index.js";
import type { PosteriorFile } from "./posterior-file.js";

/** The text of a fit. */
export function posteriorText(p: PosteriorFile): string {
  return calibrationText({
    scenario: p.scenario.name, until: p.observations.until, observationsFile: p.observations.file, used: p.observations.used, particles: p.settings.particles, replicationsPerSet: p.settings.replicationsPerSet ?? 1, seed: p.settings.seed,
    parameters: p.parameters.map((x, i) => ({ ...x, prior: priorWords(p.priors[i]!.distribution) })),
    generations: p.generations, ...(p.stopped === undefined ? {} : { stopped: p.stopped }),
  });
}

/** The HTML page of a fit (and of its hold-out scores, when there are some). */
export function posteriorHtml(p: PosteriorFile, holdout?: { calibrated: HoldoutScore; uncalibrated: HoldoutScore; prior?: HoldoutScore }, series?: CalibrationPage["series"]): string {
  const last = p.generations[p.generations.length - 1]!;
  return calibrationHtml({
    title: `hubsim calibrate: ${p.scenario.name} fitted to ${p.observations.used} observations up to ${p.observations.until}`,
    parameters: p.priors.map((prior, k) => ({ label: prior.label ?? prior.path, source: prior.source, prior: prior.distribution, values: last.particles.map((x) => x.theta[k]!), weights: last.particles.map((x) => x.weight) })),
    generations: p.generations, ...(holdout === undefined ? {} : { holdout }), ...(series === undefined ? {} : { series }),
  });
}
