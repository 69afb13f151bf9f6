/** Which contiguous slice of `total` items shard `index` of `count` takes (0-based index). */
export function shardRange(total: number, index: number, count: number): { readonly first: number; readonly count: number } {
  if (!(Number.isInteger(count) && count >= 1 && Number.isInteger(index) && index >= 0 && index < count)) {
    throw new RangeError(`shard ${index}/${count}: expected 0 ≤ i < n`);
  }
  const first = Math.floor((index * total) / count);
  return { first, count: Math.floor(((index + 1) * total) / count) - first };
}
