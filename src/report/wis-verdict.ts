import type { WisComparison } from "../experiment/index.js";
import { fmt } from "./number-format.js";

/**
 * One sentence comparing the calibrated forecast's interval scores with another forecast's
 * (`other`, e.g. "fixed inputs"): the verdict weighs each measure by its held-out observations, so
 * every observation counts once; the per-measure reading follows, with how many measures rest on
 * one observation, since one lucky or unlucky date then moves it a lot.
 */
export function wisVerdict(c: WisComparison, other: string): string {
  const once = c.measuresObservedOnce === 0 ? "" : `, ${c.measuresObservedOnce} of the ${c.measures} measures resting on a single observation`;
  const n = c.better + c.worse + c.ties, ties = c.ties === 0 ? "" : `, the same on ${c.ties}`, unscored = c.unscored === 0 ? "" : ` (${c.unscored} more had nothing to score)`;
  const count = n === 0 ? "" : ` Calibrated scores better on ${c.better} of ${n} held-out observations, worse on ${c.worse}${ties}${unscored}.`;
  return `Relative weighted interval score, calibrated ÷ ${other} (the geometric mean over measures of the ratio of their mean scores; below 1: calibrated is better): ${fmt(c.byObservation, 2)} with each measure weighted by its held-out observations, so every observation counts once (the verdict), and ${fmt(c.byMeasure, 2)} with each measure weighing the same${once}.${count}`;
}
