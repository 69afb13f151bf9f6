/**
 * A binary min-heap of integer values ordered by two numeric keys (primary, then secondary),
 * held in parallel typed arrays so the hot loop allocates nothing.
 * Callers make secondary keys unique, so the order never depends on heap internals.
 */
export class KeyedHeap {
  private primary: Float64Array;
  private secondary: Float64Array;
  private values: Int32Array;
  /** Number of entries in the heap. */
  size = 0;

  constructor(initialCapacity = 64) {
    this.primary = new Float64Array(initialCapacity);
    this.secondary = new Float64Array(initialCapacity);
    this.values = new Int32Array(initialCapacity);
  }

  /** Primary key of the smallest entry (undefined behaviour when empty: check `size`). */
  topPrimary(): number {
    return this.primary[0]!;
  }

  /** Value of the smallest entry (check `size` first). */
  topValue(): number {
    return this.values[0]!;
  }

  /** Adds an entry. */
  push(primaryKey: number, secondaryKey: number, value: number): void {
    if (this.size === this.values.length) this.grow();
    const p = this.primary, s = this.secondary, v = this.values;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pp = p[parent]!;
      if (pp < primaryKey || (pp === primaryKey && s[parent]! < secondaryKey)) break;
      p[i] = pp; s[i] = s[parent]!; v[i] = v[parent]!;
      i = parent;
    }
    p[i] = primaryKey; s[i] = secondaryKey; v[i] = value;
  }

  /** Removes the smallest entry and returns its value (check `size` first). */
  pop(): number {
    const p = this.primary, s = this.secondary, v = this.values;
    const top = v[0]!;
    const n = --this.size;
    if (n === 0) return top;
    const lastP = p[n]!, lastS = s[n]!, lastV = v[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (p[right]! < p[child]! || (p[right] === p[child] && s[right]! < s[child]!))) child = right;
      const cp = p[child]!;
      if (lastP < cp || (lastP === cp && lastS < s[child]!)) break;
      p[i] = cp; s[i] = s[child]!; v[i] = v[child]!;
      i = child;
    }
    p[i] = lastP; s[i] = lastS; v[i] = lastV;
    return top;
  }

  private grow(): void {
    const n = this.values.length * 2;
    const p = new Float64Array(n), s = new Float64Array(n), v = new Int32Array(n);
    p.set(this.primary); s.set(this.secondary); v.set(this.values);
    this.primary = p; this.secondary = s; this.values = v;
  }
}
