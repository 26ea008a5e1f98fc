/**
 * A small seeded pseudo-random generator (sfc32 seeded through splitmix32), so that the same options always
 * produce byte-identical boards. Math.random is never used by the generator.
 */

/** Hash a string to a 32-bit seed (FNV-1a). */
export function hashSeed(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seeded generator with the few draws the board generator needs. */
export function createRandom(seedText) {
  let s = hashSeed(String(seedText));
  const split = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  /** A float in [0, 1). */
  const next = () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return {
    next,
    /** An integer in [min, max], both included. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** True with probability p. */
    chance: (p) => next() < p,
    /** One element of an array. */
    pick: (items) => items[Math.floor(next() * items.length)],
    /** One key of `weights` ({ key: weight }), chosen in proportion to its weight. */
    weighted(weights) {
      const entries = Object.entries(weights);
      let total = 0;
      for (const [, w] of entries) total += w;
      let r = next() * total;
      for (const [k, w] of entries) {
        r -= w;
        if (r < 0) return k;
      }
      return entries[entries.length - 1][0];
    },
    /** `k` distinct elements of `items` (partial Fisher-Yates on a copy). */
    sample(items, k) {
      const copy = items.slice();
      const n = Math.min(k, copy.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
    /** A count near `mean` (roughly Poisson: mean plus or minus its square root). */
    countNear(mean) {
      if (mean <= 0) return 0;
      if (mean < 30) {
        // Knuth's method is exact and cheap for small means.
        const l = Math.exp(-mean);
        let k = 0;
        let p = 1;
        do {
          k++;
          p *= next();
        } while (p > l);
        return k - 1;
      }
      // Sum of uniforms: a cheap near-normal draw.
      const z = (next() + next() + next() + next() + next() + next() - 3) * Math.SQRT2;
      return Math.max(0, Math.round(mean + z * Math.sqrt(mean)));
    },
  };
}
