/**
 * Every post's caseload as case ids in one flat array, post `f`'s in `ids[f × stride …]`, with the
 * counts in a small array of their own. Taking a case off a post (the hot path of every closure)
 * finds the post's last case straight from the post's index, rather than through the post's object
 * and then a list of its own: memory the processor would otherwise wait on one read after another.
 */
export class Caseloads {
  /** Case ids, `stride` a post; the slots past a post's count are stale. */
  ids: Int32Array;
  stride = 64;
  /** Cases each post holds. */
  readonly count: Int32Array;

  constructor(posts: number) {
    this.count = new Int32Array(posts);
    this.ids = new Int32Array(posts * this.stride);
  }

  /** Adds case `id` to post `f`'s caseload and returns its position there. */
  add(f: number, id: number): number {
    const n = this.count[f]!;
    if (n === this.stride) this.widen();
    this.ids[f * this.stride + n] = id;
    this.count[f] = n + 1;
    return n;
  }

  /** The case at position `i` (below the count) of post `f`'s caseload. */
  at(f: number, i: number): number {
    return this.ids[f * this.stride + i]!;
  }

  /** Takes the case at position `pos` off post `f`, moving the post's last case there; returns that case's id, or -1 when the one taken off was the last. */
  removeAt(f: number, pos: number): number {
    const base = f * this.stride, n = this.count[f]! - 1;
    this.count[f] = n;
    if (pos === n) return -1;
    const last = this.ids[base + n]!;
    this.ids[base + pos] = last;
    return last;
  }

  /** Empties post `f`'s caseload. */
  clear(f: number): void {
    this.count[f] = 0;
  }

  /** Doubles the room per post (a post holding more cases than ever before). */
  private widen(): void {
    const stride = this.stride * 2, ids = new Int32Array(this.count.length * stride);
    for (let f = 0; f < this.count.length; f++) ids.set(this.ids.subarray(f * this.stride, f * this.stride + this.count[f]!), f * stride);
    this.ids = ids;
    this.stride = stride;
  }
}
