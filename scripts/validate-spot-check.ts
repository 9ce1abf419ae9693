import { loadCorpora } from './style-model/corpora';
import { formatSpotCheckTable, spotCheckValidation } from './style-model/spot-check-table';

// Usage: npx tsx scripts/validate-spot-check.ts
// Prints the simulated spot-check column of the validation, as published in docs/analyzer.md.
console.log(formatSpotCheckTable(await spotCheckValidation(loadCorpora())));
