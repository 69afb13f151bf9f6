import { describe, expect, it } from "vitest";
import { RandomStreams, streamFor } from "../../src/kernel/index.js";

const draw = (rng: () => number, n: number): number[] => Array.from({ length: n }, rng);

describe("RandomStreams", () => {
  it("gives the same numbers for the same (seed, replication, name)", () => {
    expect(draw(new RandomStreams(7, 3).stream("demand"), 5)).toEqual(draw(new RandomStreams(7, 3).stream("demand"), 5));
  });

  it("pins the first draws of a named stream (seeded exact values)", () => {
    expect(draw(streamFor(1, 0, "arrivals"), 3).map((u) => u.toFixed(10))).toMatchInlineSnapshot(`
      [
        "0.0007057239",
        "0.0335984165",
        "0.9580647175",
      ]
    `);
  });

  it("does not shift one stream when another is added or drawn from", () => {
    const alone = new RandomStreams(42, 0);
    const a1 = draw(alone.stream("a"), 10);
    const crowded = new RandomStreams(42, 0);
    draw(crowded.stream("b"), 1000);
    draw(crowded.stream("c"), 3);
    expect(draw(crowded.stream("a"), 10)).toEqual(a1);
  });

  it("differs between replications, seeds and names", () => {
    const base = draw(streamFor(1, 0, "x"), 4);
    expect(draw(streamFor(1, 1, "x"), 4)).not.toEqual(base);
    expect(draw(streamFor(2, 0, "x"), 4)).not.toEqual(base);
    expect(draw(streamFor(1, 0, "y"), 4)).not.toEqual(base);
  });

  it("returns the same stream object for the same name within one replication", () => {
    const streams = new RandomStreams(1, 0);
    expect(streams.stream("a")).toBe(streams.stream("a"));
  });

  it("rejects seeds and replications that are not non-negative integers", () => {
    expect(() => new RandomStreams(-1, 0)).toThrow("seed must be an integer in [0, 9007199254740991] (got -1)");
    expect(() => new RandomStreams(1, 0.5)).toThrow("replication must be an integer");
    expect(() => streamFor(1, 0, "")).toThrow("stream name must not be empty");
  });
});
