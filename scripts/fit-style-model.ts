import { writeFileSync } from 'node:fs';
import { loadCorpora } from './style-model/corpora';
import { featurize, fitModel } from './style-model/fit';
import { formatTable, leaveOneDomainOut } from './style-model/lodo';

// Usage: npx tsx scripts/fit-style-model.ts
// Fits the style model on every corpus in ../shared/data and writes its coefficients; the interval
// allowance is the 90th-percentile leave-one-domain-out error, rounded up to the next hundredth.
const OUT = 'functions/core/analysis/synthetic/coefficients.ts';
const corpora = featurize(loadCorpora());
const table = leaveOneDomainOut(corpora);
const model = fitModel(corpora, Math.ceil(table.allowance * 100) / 100);
writeFileSync(
  OUT,
  `import type { StyleModel } from './model';\n\n` +
    '/** Written by scripts/fit-style-model.ts from ../shared/data: do not edit by hand. */\n' +
    `export const STYLE_MODEL: StyleModel = ${JSON.stringify(model, null, 2)};\n`,
);
console.log(formatTable(table));
console.log(`\nwrote ${OUT}`);
