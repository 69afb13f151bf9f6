import type { Scenario } from "./scenario/index.js";

/** The chance of at least one event in a week at `rate` events a week. */
const chance = (rate: number): number => 1 - Math.exp(-rate);

/** A week's chances for a whole-time FCA. */
interface Week {
  readonly day: number;
  /** Sickness rates a year are multiplied by this to give a week's, for one FTE without stress. */
  readonly perWeek: number;
  readonly leave: number;
  readonly leaveOverloaded: number;
  readonly long: number;
  readonly longStressed: number;
  readonly short: number;
  readonly shortStressed: number;
}

/**
 * The weekly chances of leaving and of short and long sickness (§8.4), with the stress multiplier
 * and the sickness wave. A whole-time FCA's are worked out once a week, as the wave moves; a
 * part-time post's rates scale with its FTE.
 */
export class WeeklyChances {
  /** The settings the weekly draws use, read once. */
  readonly rates: {
    readonly shortPerFteYear: number; readonly longPerFteYear: number; readonly shortMeanWorkingDays: number; readonly multiplier: number;
    readonly stressMultiplier: number; readonly stressAfterWeeks: number; readonly attrition: number; readonly overloadUplift: number; readonly overloadCaseload: number;
  };
  private week: Week = { day: NaN, perWeek: 0, leave: 0, leaveOverloaded: 0, long: 0, longStressed: 0, short: 0, shortStressed: 0 };

  constructor(scenario: Scenario, private readonly wave: (day: number) => number) {
    const { sickness: sick, attrition } = scenario.national.workforce;
    this.rates = {
      shortPerFteYear: sick.shortPerFteYear, longPerFteYear: sick.longPerFteYear, shortMeanWorkingDays: sick.shortMeanWorkingDays, multiplier: sick.multiplier,
      stressMultiplier: sick.stressMultiplier, stressAfterWeeks: sick.stressAfterWeeks,
      attrition: attrition.perYear, overloadUplift: attrition.overloadUplift, overloadCaseload: attrition.overloadCaseload,
    };
  }

  /** The chances in the week starting on `day` (the leaving chances are read from it directly). */
  on(day: number): Week {
    if (day === this.week.day) return this.week;
    const r = this.rates, perWeek = (r.multiplier * this.wave(day)) / 52;
    this.week = {
      day, perWeek, leave: chance(r.attrition / 52), leaveOverloaded: chance((r.attrition + r.overloadUplift) / 52),
      long: chance(r.longPerFteYear * perWeek), longStressed: chance(r.longPerFteYear * r.stressMultiplier * perWeek),
      short: chance(r.shortPerFteYear * perWeek), shortStressed: chance(r.shortPerFteYear * r.stressMultiplier * perWeek),
    };
    return this.week;
  }

  /** The chance of a long absence starting this week for a post of `fte`, stressed or not (call `on` first). */
  long(fte: number, stressed: boolean): number {
    const w = this.week;
    return fte === 1 ? (stressed ? w.longStressed : w.long) : chance(this.rates.longPerFteYear * fte * (stressed ? this.rates.stressMultiplier : 1) * w.perWeek);
  }

  /** The chance of a short absence starting this week (call `on` first). */
  short(fte: number, stressed: boolean): number {
    const w = this.week;
    return fte === 1 ? (stressed ? w.shortStressed : w.short) : chance(this.rates.shortPerFteYear * fte * (stressed ? this.rates.stressMultiplier : 1) * w.perWeek);
  }
}
