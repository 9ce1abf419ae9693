/**
 * A measured lower bound as a percentage with one decimal, rounded DOWN so it never claims more
 * than was found (a third is 33.3); any evidence is at least 0.1, none 0. The image finding and the
 * report's image words both say it this way.
 */
export function lowerBoundPercent(share: number): number {
  if (!(share > 0)) return 0;
  return Math.max(1, Math.floor(share * 1000 + 1e-9)) / 10;
}
