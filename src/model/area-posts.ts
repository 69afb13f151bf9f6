import { lognormalQuantile, type RandomStreams, type Rng } from "../kernel/index.js";
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
 * `st/<k>`, `lt-agency/<k>`, and `lt-staffing/<from>/<how>/<n>/<k>` (or `st-…`) for a change.
 */
export function areaPosts(scenario: Scenario, index: number, fcas: Fca[], fcaRng: Rng[], streams: RandomStreams): AreaPosts {
  const spec = scenario.areas[index]!, w = scenario.national.workforce;
  const cv = w.allocation.capacitySpread;
  // Each post's holder's capacity is the first draw of the post's own stream (every post draws it), so
  // it never depends on how many other posts there are.
  const create = (team: number, fte: number, agency: boolean, label: string, state?: number): number[] =>
    teamPosts(index, team, fte, agency, -1e9, state).map((f, k) => {
      const rng = streams.stream(`fca/${spec.name}/${label}/${k}`), u = rng();
      if (cv > 0 && team === LONG_TERM) f.capacity = lognormalQuantile(u, 1, cv);
      fcaRng.push(rng);
      return fcas.push(f) - 1;
    });
  const scale = w.fteMultiplier;
  const longTerm = create(LONG_TERM, spec.fca.longTermFte * scale, false, "lt");
  const shortTerm = create(SHORT_TERM, spec.fca.shortTermFte * scale, false, "st");
  const agencyPosts = create(LONG_TERM, spec.fca.longTermFte * scale * w.agency.share, true, "lt-agency", CLOSED);
  longTerm.push(...agencyPosts);
  const seen = new Map<string, number>();
  const staffingPosts = spec.staffing.map((change) => {
    if (change.fte <= 0) return [];
    // Streams named by the change's date, team and kind (and its count among identical ones), not its place in the list.
    const lt = change.team === "long-term", key = `${lt ? "lt" : "st"}-staffing/${change.from}/${change.how}`, n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const posts = create(lt ? LONG_TERM : SHORT_TERM, change.fte, false, `${key}/${n}`, CLOSED);
    (lt ? longTerm : shortTerm).push(...posts);
    return posts;
  });
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

/** The team a new long-term case belongs to, in proportion to each team's open posts (one draw a case from `rng`). */
export function teamFor(area: AreaPosts, rng: Rng): number {
  const open = area.teamOpen;
  let u = rng() * area.teamOpenTotal;
  for (let t = 0; t < open.length; t++) {
    u -= open[t]!;
    if (u < 0) return t;
  }
  return 0;
}
