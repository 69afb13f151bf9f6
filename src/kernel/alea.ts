/**
 * Baagoe's Alea generator, number for number the same as seedrandom's `alea` (which the streams
 * used before): its state sits in a typed array, so drawing a number stores no boxed doubles and
 * seeding allocates no closure per character. A test pins it to seedrandom's output.
 */

const TWO_POW_32 = 0x100000000;
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** A uniform source in [0, 1) seeded by `seed`: the same numbers as `seedrandom.alea(seed)`. */
export function alea(seed: string): () => number {
  const mash = new Float64Array(1);
  mash[0] = 0xefc8249d;
  const state = new Float64Array(4); // s0, s1, s2, c
  state[0] = mashOf(mash, " ");
  state[1] = mashOf(mash, " ");
  state[2] = mashOf(mash, " ");
  state[3] = 1;
  for (let i = 0; i < 3; i++) {
    let s = state[i]! - mashOf(mash, seed);
    if (s < 0) s += 1;
    state[i] = s;
  }
  return () => {
    const t = 2091639 * state[0]! + state[3]! * TWO_POW_MINUS_32;
    state[0] = state[1]!;
    state[1] = state[2]!;
    const c = t | 0;
    state[3] = c;
    return (state[2] = t - c);
  };
}

/** Baagoe's Mash hash of `data`, continuing from the running value in `cell` (updated). */
function mashOf(cell: Float64Array, data: string): number {
  let n = cell[0]!;
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * TWO_POW_32;
  }
  cell[0] = n;
  return (n >>> 0) * TWO_POW_MINUS_32;
}
