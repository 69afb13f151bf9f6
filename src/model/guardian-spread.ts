/** Guardian work is front-loaded: this share of a case's hours falls in its first 12 weeks of proceedings (§8.3). */
const FRONT_SHARE = 0.4, FRONT_DAYS = 84;

/** Splits `total` guardian hours of proceedings over simulated days [from, end) into front-loaded spans, each handed to `into`. */
export function spreadGuardianHours(from: number, end: number, total: number, into: (from: number, to: number, total: number) => void): void {
  if (end - from <= FRONT_DAYS) into(from, end, total);
  else {
    into(from, from + FRONT_DAYS, FRONT_SHARE * total);
    into(from + FRONT_DAYS, end, (1 - FRONT_SHARE) * total);
  }
}
