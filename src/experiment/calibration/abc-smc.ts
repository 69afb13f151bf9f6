import { quantile } from "d3-array";
import { streamFor, type Rng } from "../../kernel/index.js";
import type { PriorDistribution } from "../../model/index.js";
import { distance, scalesFrom, type DistanceRule } from "./distance.js";
import { kernelLogDensity, perturb, perturbation, weightedCovariance, type Perturbation } from "./multivariate-normal.js";
import { priorLogDensity, samplePrior } from "./prior-distribution.js";

/** One parameter set to simulate: which generation and proposal it is (so its simulation is reproducible), and its values. */
export interface Proposal {
  readonly generation: number;
  readonly index: number;
  readonly theta: readonly number[];
}

/** What ABC-SMC fits: priors, the observed summary, each observation's measure, and a simulator of summaries. */
export interface AbcProblem {
  readonly priors: readonly PriorDistribution[];
  readonly observed: readonly number[];
  readonly groups: readonly string[];
  /** The simulated summary (one value per observation) of each proposal, in order. */
  simulate(batch: readonly Proposal[]): Promise<readonly (readonly number[])[]>;
}

/** How hard to look: particles per generation, generations, seed, and the tolerance quantile. */
export interface AbcSettings {
  readonly particles: number;
  readonly generations: number;
  readonly seed: number;
  /** Each generation's tolerance is this quantile of the previous one's distances (default 0.5). */
  readonly quantile?: number;
  /** Proposals simulated together (default: the particles); results do not depend on it. */
  readonly batch?: number;
  /** A generation gives up after this many proposals (default 200 × particles). */
  readonly maxProposals?: number;
}

/** An accepted parameter set, its importance weight (weights sum to 1) and distance. */
export interface Particle {
  readonly theta: readonly number[];
  readonly weight: number;
  readonly distance: number;
}

/** One finished generation and its diagnostics. */
export interface Generation {
  readonly index: number;
  /** Distances at most this were accepted (Infinity in generation 0, drawn from the prior). */
  readonly tolerance: number;
  readonly particles: readonly Particle[];
  /** Proposals up to the last one kept, and how many of them were simulated (the rest fell outside the prior). */
  readonly proposals: number;
  readonly simulated: number;
  /** Particles ÷ simulated. */
  readonly acceptanceRate: number;
  /** Effective sample size, (Σw)² ÷ Σw². */
  readonly ess: number;
}

/** A fit so far: the distance scales (from generation 0) and the generations finished. */
export interface AbcState {
  readonly scales: readonly number[];
  readonly generations: readonly Generation[];
  /** Why it stopped before the generations asked for, if it did. */
  readonly stopped?: string;
}

/** What the fit yields as it runs. */
export type AbcEvent =
  | { readonly kind: "batch"; readonly generation: number; readonly accepted: number; readonly needed: number; readonly simulated: number }
  | { readonly kind: "generation"; readonly state: AbcState }
  | { readonly kind: "done"; readonly state: AbcState };

/** A generation under way: the next proposal to simulate, the proposals simulated so far, and what they gave. */
export interface PendingGeneration {
  readonly generation: number;
  readonly next: number;
  /** Indices of the proposals simulated so far (those inside the priors' support). */
  readonly simulated: readonly number[];
  /** Generation 0: every proposal with its summary (scales need them all). Later: the accepted ones with their distances. */
  readonly kept: readonly { readonly index: number; readonly theta: readonly number[]; readonly summary?: readonly number[]; readonly distance: number }[];
}

/** How the next generation proposes: its tolerance, and proposal k (undefined when it falls outside the priors). */
export interface GenerationStep {
  readonly generation: number;
  readonly tolerance: number;
  propose(k: number): Proposal | undefined;
}

/** The recipe of the generation after the finished ones in `state` (generation 0 draws from the priors). */
export function generationStep(priors: readonly PriorDistribution[], settings: AbcSettings, state: AbcState | undefined): GenerationStep {
  const g = state?.generations.length ?? 0;
  if (g === 0) {
    return {
      generation: 0, tolerance: Infinity,
      propose: (k) => {
        const rng = streamFor(settings.seed, k, "abc/generation-0");
        return { generation: 0, index: k, theta: priors.map((p) => samplePrior(p, rng)) };
      },
    };
  }
  const previous = state!.generations[g - 1]!;
  const tolerance = quantile(previous.particles.map((p) => p.distance), settings.quantile ?? 0.5) ?? Infinity;
  const kernel = perturbation(weightedCovariance(previous.particles.map((p) => p.theta), previous.particles.map((p) => p.weight)));
  return {
    generation: g, tolerance,
    propose: (k) => {
      const theta = propose(previous, kernel, streamFor(settings.seed, k, `abc/generation-${g}`));
      return logPrior(priors, theta) > -Infinity ? { generation: g, index: k, theta } : undefined;
    },
  };
}

/** The proposals of one round of a generation: indices [from, to), those inside the priors' support. */
export function roundProposals(step: GenerationStep, from: number, to: number): Proposal[] {
  const proposals: Proposal[] = [];
  for (let k = from; k < to; k++) {
    const p = step.propose(k);
    if (p !== undefined) proposals.push(p);
  }
  return proposals;
}

/** The end of a round: how many proposals it covers (generation 0 stops at the particles; later ones at the cap on proposals). */
export function roundEnd(settings: AbcSettings, generation: number, from: number, size: number): number {
  const cap = generation === 0 ? settings.particles : settings.maxProposals ?? 200 * settings.particles;
  return Math.min(cap, from + size);
}

/**
 * Folds one round's simulated summaries (proposals [pending.next, to), in index order) into the
 * fit: a finished generation extends the state and clears the pending one; a generation that can
 * accept no more within its cap stops the fit with a reason.
 */
export function foldRound(
  problem: Pick<AbcProblem, "priors" | "observed" | "groups">, settings: AbcSettings, state: AbcState | undefined, pending: PendingGeneration | undefined,
  step: GenerationStep, to: number, proposals: readonly Proposal[], summaries: readonly (readonly number[])[],
): { state: AbcState | undefined; pending: PendingGeneration | undefined } {
  const n = settings.particles, g = step.generation;
  const simulated = [...(pending?.simulated ?? []), ...proposals.map((p) => p.index)];
  if (g === 0) {
    const kept = [...(pending?.kept ?? []), ...proposals.map((p, i) => ({ index: p.index, theta: p.theta, summary: summaries[i]!, distance: NaN }))];
    if (to < n) return { state, pending: { generation: 0, next: to, simulated, kept } };
    const scales = scalesFrom(kept.map((k) => k.summary!), problem.observed);
    const rule: DistanceRule = { observed: problem.observed, groups: problem.groups, scales };
    const particles = kept.map((k) => ({ theta: k.theta, weight: 1 / n, distance: distance(rule, k.summary!) }));
    return { state: { scales, generations: [generationOf(0, Infinity, particles, n, n)] }, pending: undefined };
  }
  const rule: DistanceRule = { observed: problem.observed, groups: problem.groups, scales: state!.scales };
  const kept = [...(pending?.kept ?? [])];
  proposals.forEach((p, i) => {
    const d = distance(rule, summaries[i]!);
    if (d <= step.tolerance) kept.push({ index: p.index, theta: p.theta, distance: d });
  });
  if (kept.length < n) {
    if (to < (settings.maxProposals ?? 200 * n)) return { state, pending: { generation: g, next: to, simulated, kept } };
    const stopped = `generation ${g} accepted ${kept.length} of ${n} particles in ${to} proposals (tolerance ${step.tolerance.toPrecision(3)}): the fit cannot get closer; generations 0–${g - 1} are kept`;
    return { state: { ...state!, stopped }, pending: undefined };
  }
  const previous = state!.generations[g - 1]!;
  const kernel = perturbation(weightedCovariance(previous.particles.map((p) => p.theta), previous.particles.map((p) => p.weight)));
  const chosen = kept.slice(0, n), last = chosen[n - 1]!.index;
  // In logs, less the largest, so weights deep in a prior's tail do not all underflow to 0.
  const logs = chosen.map((a) => logPrior(problem.priors, a.theta) - logMixture(previous, kernel, a.theta)), top = Math.max(...logs);
  const particles = normalise(logs.map((l) => Math.exp(l - top))).map((w, i) => ({ theta: chosen[i]!.theta, weight: w, distance: chosen[i]!.distance }));
  const generation = generationOf(g, step.tolerance, particles, last + 1, simulated.filter((k) => k <= last).length);
  return { state: { ...state!, generations: [...state!.generations, generation] }, pending: undefined };
}

/**
 * ABC-SMC (Toni et al. 2009; Beaumont et al. 2009): generation 0 draws from the priors; each
 * later one proposes from the previous population, perturbed by a normal kernel of twice its
 * weighted covariance, and keeps those within a tolerance that is a quantile of the previous
 * distances; weights are prior ÷ the mixture that proposed them. Proposal k of generation g
 * draws from its own stream (seed, k, g) and keeps the first `particles` accepted in proposal
 * order, so the result is the same whatever the batch, the number of workers or the shards the
 * rounds are split into (see foldRound). Pass `resume` to continue from a finished generation.
 */
export async function* abcSmc(problem: AbcProblem, settings: AbcSettings, resume?: AbcState): AsyncGenerator<AbcEvent> {
  const batch = settings.batch ?? settings.particles;
  let state: AbcState | undefined = resume, pending: PendingGeneration | undefined;
  while ((state?.generations.length ?? 0) < settings.generations && state?.stopped === undefined) {
    const step = generationStep(problem.priors, settings, state);
    const from = pending?.next ?? 0, to = roundEnd(settings, step.generation, from, batch);
    const proposals = roundProposals(step, from, to);
    const before = state?.generations.length ?? 0;
    ({ state, pending } = foldRound(problem, settings, state, pending, step, to, proposals, await problem.simulate(proposals)));
    if (pending !== undefined) {
      const accepted = step.generation === 0 ? pending.kept.length : Math.min(settings.particles, pending.kept.length);
      yield { kind: "batch", generation: step.generation, accepted, needed: settings.particles, simulated: pending.simulated.length };
    } else if ((state?.generations.length ?? 0) > before) yield { kind: "generation", state: state! };
  }
  yield { kind: "done", state: state! };
}

function generationOf(index: number, tolerance: number, particles: readonly Particle[], proposals: number, simulated: number): Generation {
  const sum2 = particles.reduce((s, p) => s + p.weight * p.weight, 0);
  return { index, tolerance, particles, proposals, simulated, acceptanceRate: particles.length / simulated, ess: 1 / sum2 };
}

function propose(previous: Generation, kernel: Perturbation, rng: Rng): number[] {
  let u = rng(), i = 0;
  const ps = previous.particles;
  while (i < ps.length - 1 && u >= ps[i]!.weight) u -= ps[i++]!.weight;
  return perturb(kernel, ps[i]!.theta, rng);
}

function logPrior(priors: readonly PriorDistribution[], theta: readonly number[]): number {
  return priors.reduce((s, p, i) => s + priorLogDensity(p, theta[i]!), 0);
}

function logMixture(previous: Generation, kernel: Perturbation, theta: readonly number[]): number {
  const logs = previous.particles.map((p) => Math.log(p.weight) + kernelLogDensity(kernel, theta, p.theta));
  const top = Math.max(...logs);
  return top + Math.log(logs.reduce((s, l) => s + Math.exp(l - top), 0));
}

function normalise(ws: readonly number[]): number[] {
  const total = ws.reduce((s, w) => s + w, 0);
  return ws.map((w) => w / total);
}

/** A parameter's posterior in one generation: weighted mean, sd and 5th, 50th and 95th centiles. */
export interface ParameterSummary {
  readonly mean: number;
  readonly sd: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/** The weighted summary of parameter `k` across a generation's particles. */
export function parameterSummary(g: Generation, k: number): ParameterSummary {
  const pairs = g.particles.map((p) => [p.theta[k]!, p.weight] as const).sort((a, b) => a[0] - b[0]);
  const mean = pairs.reduce((s, [x, w]) => s + w * x, 0);
  const sd = Math.sqrt(pairs.reduce((s, [x, w]) => s + w * (x - mean) ** 2, 0));
  const at = (p: number): number => {
    let cum = 0;
    for (const [x, w] of pairs) if ((cum += w) >= p) return x;
    return pairs[pairs.length - 1]![0];
  };
  return { mean, sd, p5: at(0.05), p50: at(0.5), p95: at(0.95) };
}
