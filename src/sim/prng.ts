/** A source of uniform floats in [0, 1); every draw advances its state. */
export type Rng = () => number;

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state, passes
 * PractRand, and is a handful of integer operations per draw, which matters at the
 * national scale where every acta gets its own generator.
 */
export function createRng(seed: number): Rng {
  // Spread one 32-bit seed over four words so nearby seeds start far apart.
  let a = splitmix(seed ^ 0x9e3779b9);
  let b = splitmix(a ^ seed);
  let c = splitmix(b + 0x632be5ab);
  let d = 1;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // A few rounds mix the counter into the state before the first value is used.
  for (let i = 0; i < 8; i++) next();
  return next;
}

/** One step of a 32-bit splitmix-style finalizer (murmur3 fmix32 constants). */
function splitmix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
