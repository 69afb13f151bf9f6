import { alea } from "./alea.js";
import { requireInteger } from "./guard.js";

/** A source of uniform random numbers in [0, 1). */
export type Rng = () => number;

/**
 * Named random streams for one replication. Each stream is seeded from
 * (seed, replication, name) alone, so adding or drawing from one stream never shifts another,
 * and two scenarios run with the same seed share the same numbers stream by stream
 * (common random numbers). Streams use Baagoe's Alea generator (as seedrandom's `alea` does, number
 * for number): fast, and good enough for simulation (it passes BigCrush per its author).
 */
export class RandomStreams {
  private readonly streams = new Map<string, Rng>();

  constructor(
    /** The run's seed. */
    readonly seed: number,
    /** The replication index, 0-based. */
    readonly replication: number,
  ) {
    requireInteger("seed", seed, 0, Number.MAX_SAFE_INTEGER);
    requireInteger("replication", replication, 0, Number.MAX_SAFE_INTEGER);
  }

  /** The stream called `name`, created on first use. */
  stream(name: string): Rng {
    let rng = this.streams.get(name);
    if (rng === undefined) {
      rng = streamFor(this.seed, this.replication, name);
      this.streams.set(name, rng);
    }
    return rng;
  }
}

/** A fresh generator for (seed, replication, name); the same triple always gives the same numbers. */
export function streamFor(seed: number, replication: number, name: string): Rng {
  if (name.length === 0) throw new RangeError("stream name must not be empty");
  return alea(`hubsim/${seed}/${replication}/${name}`);
}
