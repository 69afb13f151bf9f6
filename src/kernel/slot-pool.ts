/**
 * Hands out small integer slots and takes them back, so per-entry data can live in
 * typed arrays indexed by slot instead of in objects allocated per event.
 */
export class SlotPool {
  private free: Int32Array = new Int32Array(64);
  private freeCount = 0;
  /** Slots ever handed out; every live slot is below this. */
  highWater = 0;

  /** Returns a free slot, reusing released ones first. */
  acquire(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount]!;
    return this.highWater++;
  }

  /** Gives a slot back for reuse. */
  release(slot: number): void {
    if (this.freeCount === this.free.length) {
      const bigger = new Int32Array(this.free.length * 2);
      bigger.set(this.free);
      this.free = bigger;
    }
    this.free[this.freeCount++] = slot;
  }
}
