import { WORKING, type Fca } from "./fca-store.js";

/**
 * For every (area, team), the working posts in a binary heap ordered by room under the cap
 * (cap − load), most first, ties to the lower post index: the order in which a scan of the
 * team's posts would pick the first roomiest. Callers say which post changed (`update`)
 * whenever its cap, caseload or state changes, so finding the roomiest costs nothing and each
 * change costs O(log posts) rather than a scan of the whole team after every assignment.
 */
export class RoomHeaps {
  private readonly heaps: Int32Array[];
  private readonly sizes: Int32Array;
  /** Each post's position in its group's heap, or -1 when it is not working (read by the allocation's hot loop). */
  readonly position: Int32Array;
  /** Each post's room as of its last `update`: the heap compares these, not the posts (read by the allocation's hot loop). */
  readonly rooms: Float64Array;

  constructor(private readonly fcas: readonly Fca[], private readonly caps: Float64Array, groups: number) {
    const counts = new Int32Array(groups);
    for (const f of fcas) counts[groupOf(f)]!++;
    this.heaps = Array.from(counts, (n) => new Int32Array(n));
    this.sizes = new Int32Array(groups);
    this.position = new Int32Array(fcas.length).fill(-1);
    this.rooms = new Float64Array(fcas.length);
    fcas.forEach((_, f) => this.update(f));
  }

  /** The working post with most room in `group` (area × 2 + team), or -1 when none is working. */
  top(group: number): number {
    return this.sizes[group]! > 0 ? this.heaps[group]![0]! : -1;
  }

  /** Room of post `f`: its cap minus its load. */
  room(f: number): number {
    return this.rooms[f]!;
  }

  /** Re-places post `f` after a change to its cap, caseload or state. */
  update(f: number): void {
    const fca = this.fcas[f]!, g = groupOf(fca), at = this.position[f]!, working = fca.state === WORKING;
    this.rooms[f] = this.caps[f]! - fca.load;
    if (at < 0) {
      if (working) this.siftUp(g, this.sizes[g]!++, f);
    } else if (!working) {
      const heap = this.heaps[g]!, last = heap[--this.sizes[g]!]!;
      this.position[f] = -1;
      if (last !== f) this.place(g, at, last);
    } else {
      this.place(g, at, f);
    }
  }

  private place(g: number, at: number, f: number): void {
    if (at > 0 && this.before(f, this.heaps[g]![(at - 1) >> 1]!)) this.siftUp(g, at, f);
    else this.siftDown(g, at, f);
  }

  private before(a: number, b: number): boolean {
    const ra = this.rooms[a]!, rb = this.rooms[b]!;
    return ra > rb || (ra === rb && a < b);
  }

  private siftUp(g: number, at: number, f: number): void {
    const heap = this.heaps[g]!;
    while (at > 0) {
      const parent = (at - 1) >> 1, p = heap[parent]!;
      if (!this.before(f, p)) break;
      heap[at] = p;
      this.position[p] = at;
      at = parent;
    }
    heap[at] = f;
    this.position[f] = at;
  }

  private siftDown(g: number, at: number, f: number): void {
    const heap = this.heaps[g]!, n = this.sizes[g]!;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= n) break;
      if (child + 1 < n && this.before(heap[child + 1]!, heap[child]!)) child++;
      const c = heap[child]!;
      if (!this.before(c, f)) break;
      heap[at] = c;
      this.position[c] = at;
      at = child;
    }
    heap[at] = f;
    this.position[f] = at;
  }
}

/** The heap group of a post: its area × 2 + its team. */
export const groupOf = (f: Fca): number => f.area * 2 + f.team;
