/**
 * Runs one `bundleLambdaAsync` for the synchronous `bundleLambda` (see bundle.ts):
 * `node --import tsx infra/bundle-child.ts '<BundleOptions as JSON>' <metafile path>`.
 */
import { writeFileSync } from 'node:fs';
import { type BundleOptions, bundleLambdaAsync } from './bundle';

const [options, metafilePath] = process.argv.slice(2);
if (!options || !metafilePath) {
  throw new Error('usage: bundle-child.ts <BundleOptions as JSON> <metafile path>');
}
const bundle = await bundleLambdaAsync(JSON.parse(options) as BundleOptions);
writeFileSync(metafilePath, JSON.stringify(bundle.metafile));
