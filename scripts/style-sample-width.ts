import { estimateShare } from '../functions/core/analysis/synthetic/estimate';
import { MODEL } from '../functions/core/analysis/synthetic/model';

// Usage: npx tsx scripts/style-sample-width.ts
// The 95 % bootstrap width of the style estimate's adjusted share (before the cross-domain
// allowance) for n scored records, on histograms mixed from the model's own machine and human bin
// rates at three machine shares: what the style sample's bound (`STYLE_SAMPLE_BOUND`) rests on.

const bins = MODEL.bins;
const rate = (atLeast: readonly number[], k: number) =>
  (atLeast[k] as number) - (atLeast[k + 1] as number);
const machine = Array.from({ length: bins }, (_, k) => rate(MODEL.machineAtLeast, k));
const human = Array.from({ length: bins }, (_, k) => rate(MODEL.humanAtLeast, k));
const sizes = [10_000, 32_768, 65_536, 131_072, 262_144, 1_000_000];
console.log(`scored records | ${sizes.map((n) => n.toLocaleString('en-US')).join(' | ')}`);
for (const share of [0.05, 0.3, 0.6]) {
  const row = sizes.map((n) => {
    const hist = machine.map((m, k) =>
      Math.round(n * (share * m + (1 - share) * (human[k] as number))),
    );
    const e = estimateShare(hist, MODEL);
    return `${((e.bootstrap[1] - e.bootstrap[0]) * 100).toFixed(2)} pt`;
  });
  console.log(`${share * 100} % machine | ${row.join(' | ')}`);
}
