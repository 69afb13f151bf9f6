/** Calendar arithmetic for the model: the clock runs in days from the start of the warm-up. */

const DAY_MS = 86_400_000;

/** Days from `from` to `to` (both YYYY-MM-DD, UTC). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The date `days` after `date`, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The simulated day (0 = the start of the warm-up) on which calendar `date` falls, for a scenario starting `startDate`. */
export function simulatedDay(startDate: string, warmupDays: number, date: string): number {
  return daysBetween(startDate, date) + warmupDays;
}

/** Month (0 = January) of each simulated day, for `days` days from `firstDate`. */
export function monthOfDays(firstDate: string, days: number): Uint8Array {
  const months = new Uint8Array(days);
  const t0 = Date.parse(`${firstDate}T00:00:00Z`);
  for (let d = 0; d < days; d++) months[d] = new Date(t0 + d * DAY_MS).getUTCMonth();
  return months;
}
