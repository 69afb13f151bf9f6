import { normalQuantile, type RandomStreams, type Rng } from "../kernel/index.js";
import { CLOSED, LONG_TERM, SHORT_TERM, teamPosts, type Fca } from "./fca-store.js";
import type { Scenario } from "./scenario/index.js";

/** An area's posts: its teams' establishment, agency posts and the posts dated staffing changes open. */
export interface AreaPosts {
  /** Every long-term post (base, agency, staffing changes), in post order. */
  readonly longTerm: number[];
  readonly shortTerm: number[];
  /** Agency posts (closed until their contract starts). */
  readonly agencyPosts: readonly number[];
  /** For each of the area's staffing changes that adds posts, the posts it opens (closed until then); empty for cuts. */
  readonly staffingPosts: readonly (readonly number[])[];
  /** Long-term posts by allocation team. */
  readonly teams: readonly (readonly number[])[];
  /** Open (not closed) posts in each team: the weights by which cases are routed to teams; and their sum. */
  readonly teamOpen: Int32Array;
  teamOpenTotal: number;
}

/**
 * Creates an area's posts (pushed onto `fcas`, each with its own stream) and groups the long-term
 * ones into allocation teams of `teamSize` in post order. Stream names: `fca/<area>/lt/<k>`,
 * `st/<k>`, `lt-agency/<k>`, and `lt-staffing<i>/<k>` or `st-staffing<i>/<k>` for the i-th change.
 */
export function areaPosts(scenario: Scenario, index: number, fcas: Fca[], fcaRng: Rng[], streams: RandomStreams): AreaPosts {
  const spec = scenario.areas[index]!, w = scenario.national.workforce;
  const create = (team: number, fte: number, agency: boolean, label: string, state?: number): number[] =>
    teamPosts(index, team, fte, agency, -1e9, state).map((f, k) => {
      fcaRng.push(streams.stream(`fca/${spec.name}/${label}/${k}`));
      return fcas.push(f) - 1;
    });
  const scale = w.fteMultiplier;
  const longTerm = create(LONG_TERM, spec.fca.longTermFte * scale, false, "lt");
  const shortTerm = create(SHORT_TERM, spec.fca.shortTermFte * scale, false, "st");
  const agencyPosts = create(LONG_TERM, spec.fca.longTermFte * scale * w.agency.share, true, "lt-agency", CLOSED);
  longTerm.push(...agencyPosts);
  const staffingPosts = spec.staffing.map((change, i) => {
    if (change.fte <= 0) return [];
    const lt = change.team === "long-term";
    const posts = create(lt ? LONG_TERM : SHORT_TERM, change.fte, false, `${lt ? "lt" : "st"}-staffing${i}`, CLOSED);
    (lt ? longTerm : shortTerm).push(...posts);
    return posts;
  });
  const spread = streams.stream(`capacity/${spec.name}`), cv = w.allocation.capacitySpread;
  for (const f of [...longTerm, ...shortTerm]) {
    const u = spread(); // drawn for every post, so the stream stays in step whatever the spread
    if (cv > 0 && fcas[f]!.team === LONG_TERM) fcas[f]!.capacity = lognormalAt(u, 1, cv);
  }
  const size = w.allocation.policy === "team" ? w.allocation.teamSize : Math.max(1, longTerm.length);
  const teams: number[][] = [];
  longTerm.forEach((f, k) => {
    const t = Math.floor(k / size);
    (teams[t] ??= []).push(f);
    fcas[f]!.allocationTeam = t;
  });
  if (teams.length === 0) teams.push([]);
  const teamOpen = Int32Array.from(teams, (posts) => posts.filter((f) => fcas[f]!.state !== CLOSED).length);
  return { longTerm, shortTerm, agencyPosts, staffingPosts, teams, teamOpen, teamOpenTotal: teamOpen.reduce((a, b) => a + b, 0) };
}

/** The u-quantile of a lognormal by mean and CV. */
export function lognormalAt(u: number, mean: number, cv: number): number {
  const sigma2 = Math.log(1 + cv * cv);
  return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, u))));
}

/** The team a new long-term case belongs to, in proportion to each team's open posts (one draw a case, from the area's team stream). */
export function teamFor(area: AreaPosts & { readonly rng: { readonly team: Rng } }): number {
  const open = area.teamOpen;
  let u = area.rng.team() * area.teamOpenTotal;
  for (let t = 0; t < open.length; t++) {
    u -= open[t]!;
    if (u < 0) return t;
  }
  return 0;
}
