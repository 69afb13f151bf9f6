import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WaitingLine } from "../../src/kernel/waiting-line.js";

describe("WaitingLine", () => {
  it("serves by (priority, sequence) through any mix of pushes and pops", () => {
    const op = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.constant(null));
    fc.assert(fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
      const line = new WaitingLine();
      const model: { p: number; s: number }[] = [];
      let seq = 0;
      for (const o of ops) {
        if (o === null) {
          if (model.length === 0) continue;
          model.sort((a, b) => a.p - b.p || a.s - b.s);
          expect(line.pop()).toBe(model.shift()!.s);
        } else {
          line.push(o, seq, seq);
          model.push({ p: o, s: seq++ });
        }
        expect(line.size).toBe(model.length);
      }
    }));
  });

  it("keeps FIFO order across ring growth and wrap-around", () => {
    const line = new WaitingLine();
    const out: number[] = [];
    for (let i = 0; i < 50; i++) line.push(0, i, i);
    for (let i = 0; i < 40; i++) out.push(line.pop());
    for (let i = 50; i < 300; i++) line.push(0, i, i);
    while (line.size > 0) out.push(line.pop());
    expect(out).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });
});
