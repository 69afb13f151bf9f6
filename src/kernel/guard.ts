/** Argument checks that fail loudly and name the offending value (design.md habit 7). */

/** Throws a RangeError unless `value` is a finite number. */
export function requireFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number (got ${String(value)})`);
}

/** Throws a RangeError unless `value` is a finite number ≥ 0. */
export function requireNonNegative(name: string, value: number): void {
  if (!(value >= 0) || value === Infinity) {
    throw new RangeError(`${name} must be a finite number ≥ 0 (got ${String(value)})`);
  }
}

/** Throws a RangeError unless `value` is a finite number > 0. */
export function requirePositive(name: string, value: number): void {
  if (!(value > 0) || value === Infinity) {
    throw new RangeError(`${name} must be a finite number > 0 (got ${String(value)})`);
  }
}

/** Throws a RangeError unless `value` is a probability in [0, 1]. */
export function requireProbability(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be a probability in [0, 1] (got ${String(value)})`);
}

/** Throws a RangeError unless `value` is an integer in [min, max]. */
export function requireInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}] (got ${String(value)})`);
  }
}
