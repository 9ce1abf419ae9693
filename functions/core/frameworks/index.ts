import { caAb2013 } from './ca-ab2013';
import { euAiActArt10 } from './eu-ai-act-art10';
import { euGpaiSummary } from './eu-gpai-summary';
import { iso42001A7 } from './iso42001-a7';
import { nistAi6001 } from './nist-ai-600-1';
import type { Framework, FrameworkId } from './types';

export { computePack, evaluateItem, type PackInput } from './evaluate';
export { MEASUREMENTS, type Measurement } from './measurements';
export type * from './types';

/** Every framework Diligence maps, in the order they are listed. */
export const FRAMEWORKS: readonly Framework[] = [
  euAiActArt10,
  euGpaiSummary,
  caAb2013,
  iso42001A7,
  nistAi6001,
];

/** The framework with this id, or undefined. */
export const getFramework = (id: string): Framework | undefined =>
  FRAMEWORKS.find((f) => f.id === id);

/** The ids, for error messages and schemas. */
export const FRAMEWORK_IDS = FRAMEWORKS.map((f) => f.id) as readonly FrameworkId[];
