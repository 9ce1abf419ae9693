import { loadOnce } from '../lib/load-once';
import type { SampleAnalyzer } from './engine';

/**
 * The analysis engine, loaded on its first call: the API only combines partials when a holdout
 * is attached, so its requests need not compile the engine and its CSV parser.
 */
export function lazyAnalyzer(): SampleAnalyzer {
  const get = loadOnce(async () => (await import('./engine')).createSampleAnalyzer());
  return {
    analyze: async (source, options) => (await get()).analyze(source, options),
    analyzeObject: async (object, options) => (await get()).analyzeObject(object, options),
    withHoldout: async (training, holdout, now) =>
      (await get()).withHoldout(training, holdout, now),
  };
}
