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

/**
 * ABC-SMC (Toni et al. 2009; Beaumont et al. 2009): generation 0 draws from the priors; each
 * later one proposes from the previous population, perturbed by a normal kernel of twice its
 * weighted covariance, and keeps those within a tolerance that is a quantile of the previous
 * distances; weights are prior ÷ the mixture that proposed them. Proposal k of generation g
 * draws from its own stream (seed, k, g) and keeps the first `particles` accepted in proposal
 * order, so the result is the same whatever the batch or number of workers. Pass `resume` to
 * continue a fit from its last finished generation.
 */
export async function* abcSmc(problem: AbcProblem, settings: AbcSettings, resume?: AbcState): AsyncGenerator<AbcEvent> {
  const n = settings.particles, q = settings.quantile ?? 0.5, batch = settings.batch ?? n, maxProposals = settings.maxProposals ?? 200 * n;
  let state: AbcState = resume ?? (yield* firstGeneration(problem, settings));
  if (resume === undefined) yield { kind: "generation", state };
  for (let g = state.generations.length; g < settings.generations; g++) {
    const previous = state.generations[g - 1]!;
    const rule: DistanceRule = { observed: problem.observed, groups: problem.groups, scales: state.scales };
    const tolerance = quantile(previous.particles.map((p) => p.distance), q) ?? Infinity;
    const kernel = perturbation(weightedCovariance(previous.particles.map((p) => p.theta), previous.particles.map((p) => p.weight)));
    const accepted: { index: number; theta: readonly number[]; distance: number }[] = [];
    const inSupport: number[] = [];
    let next = 0;
    while (accepted.length < n && next < maxProposals) {
      const proposals: Proposal[] = [];
      for (const end = Math.min(maxProposals, next + batch); next < end; next++) {
        const theta = propose(previous, kernel, streamFor(settings.seed, next, `abc/generation-${g}`));
        if (logPrior(problem.priors, theta) > -Infinity) proposals.push({ generation: g, index: next, theta });
      }
      const summaries = await problem.simulate(proposals);
      proposals.forEach((p, i) => {
        inSupport.push(p.index);
        const d = distance(rule, summaries[i]!);
        if (d <= tolerance) accepted.push({ index: p.index, theta: p.theta, distance: d });
      });
      yield { kind: "batch", generation: g, accepted: Math.min(n, accepted.length), needed: n, simulated: inSupport.length };
    }
    if (accepted.length < n) {
      state = { ...state, stopped: `generation ${g} accepted ${accepted.length} of ${n} particles in ${maxProposals} proposals (tolerance ${tolerance.toPrecision(3)}): the fit cannot get closer; generations 0–${g - 1} are kept` };
      break;
    }
    const kept = accepted.slice(0, n), last = kept[n - 1]!.index;
    const simulated = inSupport.filter((k) => k <= last).length;
    const raw = kept.map((a) => Math.exp(logPrior(problem.priors, a.theta) - logMixture(previous, kernel, a.theta)));
    const particles = normalise(raw).map((w, i) => ({ theta: kept[i]!.theta, weight: w, distance: kept[i]!.distance }));
    state = { ...state, generations: [...state.generations, generationOf(g, tolerance, particles, last + 1, simulated)] };
    yield { kind: "generation", state };
  }
  yield { kind: "done", state };
}

async function* firstGeneration(problem: AbcProblem, settings: AbcSettings): AsyncGenerator<AbcEvent, AbcState> {
  const n = settings.particles, batch = settings.batch ?? n;
  const proposals = Array.from({ length: n }, (_, k): Proposal => {
    const rng = streamFor(settings.seed, k, "abc/generation-0");
    return { generation: 0, index: k, theta: problem.priors.map((p) => samplePrior(p, rng)) };
  });
  const summaries: (readonly number[])[] = [];
  for (let start = 0; start < n; start += batch) {
    summaries.push(...(await problem.simulate(proposals.slice(start, start + batch))));
    yield { kind: "batch", generation: 0, accepted: summaries.length, needed: n, simulated: summaries.length };
  }
  const scales = scalesFrom(summaries, problem.observed);
  const rule: DistanceRule = { observed: problem.observed, groups: problem.groups, scales };
  const particles = proposals.map((p, i) => ({ theta: p.theta, weight: 1 / n, distance: distance(rule, summaries[i]!) }));
  return { scales, generations: [generationOf(0, Infinity, particles, n, n)] };
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
