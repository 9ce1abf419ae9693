import { loadCorpora } from './style-model/corpora';
import { featurize } from './style-model/fit';
import { formatTable, leaveOneDomainOut } from './style-model/lodo';

// Usage: npx tsx scripts/validate-estimator.ts
// Prints the leave-one-domain-out table of the machine-text estimate, as published in docs/analyzer.md.
const table = leaveOneDomainOut(featurize(loadCorpora()));
console.log(formatTable(table));
