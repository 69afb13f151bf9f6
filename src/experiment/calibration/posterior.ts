import { streamFor } from "../../kernel/index.js";
import { issuesText, parseScenario, type Prior, type Scenario } from "../../model/index.js";
import { valueAt, withPath } from "../scenario-path.js";
import { samplePrior } from "./prior-distribution.js";

/** A calibration's result as runs use it: the fitted fields and weighted parameter sets. */
export interface PosteriorDraws {
  /** A name for outputs (the posterior file). */
  readonly name: string;
  /** The scenario fields the parameter sets give values to, in order. */
  readonly paths: readonly string[];
  readonly particles: readonly { readonly theta: readonly number[]; readonly weight: number }[];
}

/**
 * The particle replication `replication` uses: drawn by weight from its own stream of (seed,
 * replication), so every arm of a comparison draws the same parameters for the same replication
 * (common parameter draws beside common random numbers), whatever the number of workers.
 */
export function particleFor(posterior: PosteriorDraws, seed: number, replication: number): number {
  let u = streamFor(seed, replication, "posterior")();
  const ps = posterior.particles;
  for (let i = 0; i < ps.length - 1; i++) {
    if (u < ps[i]!.weight) return i;
    u -= ps[i]!.weight;
  }
  return ps.length - 1;
}

/** The scenario with the fields at `paths` set to `theta`; throws a RangeError naming the field the schema refuses. */
export function scenarioWith(base: Scenario, paths: readonly string[], theta: readonly number[]): Scenario {
  const data = paths.reduce<unknown>((d, path, i) => withPath(d, path, theta[i]), base);
  const parsed = parseScenario(data);
  if (parsed.ok) return parsed.scenario;
  throw new RangeError(issuesText(parsed.issues));
}

/** A per-replication scenario maker for a posterior, caching one scenario per particle. */
export function posteriorScenarios(base: Scenario, posterior: PosteriorDraws, seed: number): (replication: number) => Scenario {
  const cache = new Map<number, Scenario | undefined>();
  const n = posterior.particles.length;
  const valid = (k: number): Scenario | undefined => {
    if (!cache.has(k)) {
      try {
        cache.set(k, scenarioWith(base, posterior.paths, posterior.particles[k]!.theta));
      } catch {
        cache.set(k, undefined);
      }
    }
    return cache.get(k);
  };
  return (replication) => {
    // A drawn set the scenario's own values make invalid (a lever set below a drawn threshold it must
    // exceed, say) is replaced by the next set in order: the posterior restricted to what the scenario allows.
    const k = particleFor(posterior, seed, replication);
    for (let i = 0; i < n; i++) {
      const s = valid((k + i) % n);
      if (s !== undefined) return s;
    }
    let reason = "";
    try {
      scenarioWith(base, posterior.paths, posterior.particles[k]!.theta);
    } catch (error) {
      reason = (error as Error).message;
    }
    throw new PosteriorConflict(`no parameter set of ${posterior.name} gives a valid scenario with the values this run sets (${reason}); run with --posterior none, or set values the posterior allows`);
  };
}

/**
 * Parameter sets drawn from the priors themselves, equally weighted: run with them, a forecast is
 * the prior predictive, uncalibrated yet carrying the priors' uncertainty, which is what a
 * calibration should improve on. Set k's values come from stream (seed, k), one prior after another.
 */
export function priorDraws(priors: readonly Prior[], sets: number, seed: number): PosteriorDraws {
  return {
    name: "the priors",
    paths: priors.map((p) => p.path),
    particles: Array.from({ length: sets }, (_, k) => {
      const rng = streamFor(seed, k, "prior-predictive");
      return { theta: priors.map((p) => samplePrior(p.distribution, rng)), weight: 1 / sets };
    }),
  };
}

/** No parameter set of a posterior is compatible with the values a run sets itself. */
export class PosteriorConflict extends Error {
  override readonly name = "PosteriorConflict";
}

/**
 * The draws a scenario takes from a posterior: those of the fields it declares uncertain (its
 * priors), or why it cannot take them (a declared field the posterior did not fit). Fields the
 * posterior fitted besides them, such as a history's court slowdowns, are left out: keeping the
 * declared fields of every parameter set draws them from their joint marginal.
 */
export function declaredDraws(posterior: PosteriorDraws, priors: readonly Prior[]): PosteriorDraws | string {
  const declared = priors.map((p) => p.path), missing = declared.filter((p) => !posterior.paths.includes(p));
  if (declared.length === 0 || missing.length > 0) {
    return `posterior ${posterior.name} fits ${posterior.paths.join(", ") || "nothing"}, but the scenario declares priors for ${declared.join(", ") || "nothing"}${missing.length > 0 ? ` (not fitted: ${missing.join(", ")})` : ""}: calibrate this scenario, or use a posterior fitted to every field it declares`;
  }
  return withoutFields(posterior, posterior.paths.filter((p) => !declared.includes(p)), "the scenario: it declares no prior for them");
}

/**
 * The posterior without the fields a scenario sets otherwise than the reference does: a lever
 * the user moved (an edit, another arm's value) must not be overwritten by each replication's
 * draw, or it would move nothing. The other fields are still drawn.
 */
export function withoutMoved(posterior: PosteriorDraws, scenario: Scenario, reference: Scenario): PosteriorDraws {
  return withoutFields(posterior, posterior.paths.filter((p) => valueAt(scenario, p) !== valueAt(reference, p)), "the scenario");
}

/**
 * The posterior less the given fields, which `by` sets itself (named in the result's name), and
 * less any drawn field inside one of them (setting `national.durations.public` sets its
 * `meanWeeks`); the same object when none is drawn.
 */
export function withoutFields(posterior: PosteriorDraws, fields: readonly string[], by: string): PosteriorDraws {
  const within = (p: string, f: string): boolean => p === f || p.startsWith(`${f}.`) || p.startsWith(`${f}[`);
  const keep = posterior.paths.map((p) => !fields.some((f) => within(p, f)));
  if (keep.every(Boolean)) return posterior;
  return {
    name: `${posterior.name} (less ${posterior.paths.filter((_, i) => !keep[i]).join(", ")}, set by ${by})`,
    paths: posterior.paths.filter((_, i) => keep[i]),
    particles: posterior.particles.map((p) => ({ theta: p.theta.filter((_, i) => keep[i]), weight: p.weight })),
  };
}
