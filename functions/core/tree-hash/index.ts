export { TREE_HASH, treeHash, treeHashMethod } from './hash';
export { type LineRange, lineAlignedRanges, type NextNewline, newlineFinder } from './ranges';

/** Range size of the distributed analysis when none is given (512 MiB, as in AWS). */
export const DEFAULT_RANGE_BYTES = 512 * 1024 ** 2;
