import { lognormalQuantile, normalCdf, normalQuantile } from "../kernel/index.js";
import { markRamping, rampWeeks } from "./capacity.js";
import { CLOSED, LONG_SICK, LONG_TERM, SHORT_SICK, VACANT } from "./fca-store.js";
import type { AreaState, ModelState } from "./model-state.js";
import type { Workforce } from "./workforce.js";

/** The shares of posts vacant, on long and on short sickness, and filled within the ramp-up, in steady state. */
export interface SteadyShares {
  readonly vacant: number;
  readonly longSick: number;
  readonly shortSick: number;
  readonly ramping: number;
}

/**
 * Steady shares by renewal balance: leavers (attrition a week, a) open vacancies that last the mean
 * time to fill (D weeks), so a·D of every 1 + a·D posts are vacant; an absence of rate r a year and
 * mean length m days takes r·m/365 of an FCA's time; and a·(1 − vacant) of posts are refilled each
 * week, so that many × the ramp-up weeks are still ramping up. Rates as on the first day.
 */
export function steadyShares(s: ModelState, workforce: Workforce): SteadyShares {
  const w = s.scenario.national.workforce, sick = w.sickness;
  const a = w.attrition.perYear / 52, d = w.recruitment.enabled ? w.recruitment.delayWeeks : Infinity;
  const vacant = d === Infinity ? 0 : (a * d) / (1 + a * d);
  const rate = sick.multiplier * s.sicknessWave(s.sim.now);
  const longDays = meanFlooredLognormal(workforce.longMu, workforce.longSigma, 28);
  return {
    vacant,
    longSick: Math.min(0.5, (sick.longPerFteYear * rate * longDays) / 365.25),
    shortSick: Math.min(0.5, (sick.shortPerFteYear * rate * sick.shortMeanWorkingDays * (7 / 5)) / 365.25),
    ramping: Math.min(1, a * (1 - vacant) * rampWeeks(w.rampUp)),
  };
}

/** E[max(floor, X)] for X lognormal with log-mean mu and log-sd sigma. */
function meanFlooredLognormal(mu: number, sigma: number, floor: number): number {
  if (sigma === 0) return Math.max(floor, Math.exp(mu));
  const z = (Math.log(floor) - mu) / sigma;
  return floor * normalCdf(z) + Math.exp(mu + (sigma * sigma) / 2) * normalCdf(sigma - z);
}

/**
 * Seeds an area's posts as they stand today. Every open non-agency post is drawn: vacant, long-sick
 * or short-sick at its steady share, each with the time left in its spell (a spell under way is
 * longer on average, so its length is drawn length-biased and the time left uniform within it),
 * and a working FCA as a recent starter at the ramping share. Where `initial` gives the long-term
 * posts long-sick or vacant, those are set so (the first posts sick, the last vacant) and no other
 * long-term post is drawn into that state. Each post draws the same five uniforms whatever it
 * becomes. Stream: `initial/<area>/workforce`.
 */
export function seedWorkforce(s: ModelState, area: AreaState, workforce: Workforce): void {
  const rng = s.streams.stream(`initial/${area.spec.name}/workforce`), init = area.spec.initial;
  const shares = steadyShares(s, workforce), r = s.scenario.national.workforce.recruitment, ramp = rampWeeks(s.scenario.national.workforce.rampUp);
  const longTerm = area.longTerm.filter((f) => s.fcas[f]!.state !== CLOSED && !s.fcas[f]!.agency);
  const sick = new Set(longTerm.slice(0, init?.fcasLongSick ?? 0));
  const vacant = new Set(init?.vacantPosts === undefined ? [] : longTerm.slice(Math.max(sick.size, longTerm.length - init.vacantPosts)));
  for (const f of [...area.longTerm, ...area.shortTerm]) {
    const fca = s.fcas[f]!;
    if (fca.state === CLOSED || fca.agency) continue;
    const u = rng(), uLeft = rng(), uLength = rng(), uRamp = rng(), uRampAge = rng();
    const lt = fca.team === LONG_TERM;
    const pVacant = lt && init?.vacantPosts !== undefined ? 0 : shares.vacant, pLong = lt && init?.fcasLongSick !== undefined ? 0 : shares.longSick;
    if (vacant.has(f) || (!sick.has(f) && u < pVacant)) {
      workforce.seedVacancy(f, uLeft * lognormalQuantile(uLength, Math.max(1, r.delayWeeks * 7) * (1 + r.delayCv ** 2), r.delayCv));
    } else if (sick.has(f) || u < pVacant + pLong) {
      const spell = Math.max(28, Math.exp(workforce.longMu + workforce.longSigma ** 2 + workforce.longSigma * normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, uLength)))));
      workforce.startAbsence(f, LONG_SICK, uLeft * spell);
    } else if (u < pVacant + pLong + shares.shortSick) {
      workforce.startAbsence(f, SHORT_SICK, workforce.shortSpellDays(uLength));
    }
    if (fca.state !== VACANT && uRamp < shares.ramping / Math.max(1e-9, 1 - shares.vacant)) {
      fca.startDay = s.sim.now - uRampAge * ramp * 7;
      markRamping(s, f);
    }
  }
}
