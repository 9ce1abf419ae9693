function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A Binomial(n, p) draw: exact by inversion when the mean is small, normal otherwise. */
export function binomial(n: number, p: number, random: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(n, 1 - p, random);
  if (n * p < 30) {
    // inversion: walk the probability mass function from 0
    const q = p / (1 - p);
    let prob = (1 - p) ** n;
    let cdf = prob;
    const u = random();
    let k = 0;
    while (u > cdf && k < n) {
      prob *= (q * (n - k)) / (k + 1);
      cdf += prob;
      k++;
    }
    return k;
  }
  const x = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal(random));
  return Math.min(n, Math.max(0, x));
}

/** A bootstrap copy of a histogram: a multinomial draw with the same total (resampling records). */
export function resampleHistogram(hist: readonly number[], random: () => number): number[] {
  let left = hist.reduce((s, c) => s + c, 0);
  let mass = left;
  return hist.map((c) => {
    const draw = mass > 0 ? binomial(left, c / mass, random) : 0;
    left -= draw;
    mass -= c;
    return draw;
  });
}
