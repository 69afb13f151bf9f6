import { KeyedHeap } from "./keyed-heap.js";

/**
 * A min-queue of int32 values by (priority, sequence), for pushes in increasing sequence order.
 *
 * While every waiting entry shares one priority (the usual case) arrival order is the queue
 * order, so a FIFO ring serves it in O(1); the first push of another priority moves the ring
 * into a KeyedHeap, which serves until it empties. The two are never both non-empty.
 */
export class WaitingLine {
  private readonly heap = new KeyedHeap();
  private values = new Int32Array(64);
  private sequences = new Float64Array(64);
  private head = 0;
  private count = 0;
  private ringPriority = 0;
  /** Number of entries waiting. */
  size = 0;

  /** Adds an entry; `sequence` must exceed every sequence pushed before. */
  push(priority: number, sequence: number, value: number): void {
    this.size++;
    if (this.heap.size === 0) {
      if (this.count === 0) this.ringPriority = priority;
      if (priority === this.ringPriority) {
        if (this.count === this.values.length) this.grow();
        const i = (this.head + this.count++) & (this.values.length - 1);
        this.values[i] = value;
        this.sequences[i] = sequence;
        return;
      }
      this.spill();
    }
    this.heap.push(priority, sequence, value);
  }

  /** Removes the first entry and returns its value (check `size` first). */
  pop(): number {
    this.size--;
    if (this.count === 0) return this.heap.pop();
    const value = this.values[this.head]!;
    this.head = (this.head + 1) & (this.values.length - 1);
    this.count--;
    return value;
  }

  private spill(): void {
    const mask = this.values.length - 1;
    for (let k = 0; k < this.count; k++) {
      const i = (this.head + k) & mask;
      this.heap.push(this.ringPriority, this.sequences[i]!, this.values[i]!);
    }
    this.head = 0;
    this.count = 0;
  }

  private grow(): void {
    const n = this.values.length, mask = n - 1;
    const values = new Int32Array(2 * n), sequences = new Float64Array(2 * n);
    for (let k = 0; k < n; k++) {
      values[k] = this.values[(this.head + k) & mask]!;
      sequences[k] = this.sequences[(this.head + k) & mask]!;
    }
    this.values = values;
    this.sequences = sequences;
    this.head = 0;
  }
}
