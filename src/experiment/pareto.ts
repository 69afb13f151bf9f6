/**
 * Indices of the points no other point dominates, all objectives minimised: a point is
 * dominated when another is no worse on every objective and better on at least one.
 * Returned in input order.
 */
export function paretoFront(points: readonly (readonly number[])[]): number[] {
  const dominates = (a: readonly number[], b: readonly number[]): boolean =>
    a.every((x, k) => x <= b[k]!) && a.some((x, k) => x < b[k]!);
  return points.flatMap((p, i) => (points.some((q, j) => j !== i && dominates(q, p)) ? [] : [i]));
}
