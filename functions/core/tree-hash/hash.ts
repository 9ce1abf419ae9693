import { createHash } from 'node:crypto';

/** Name of the tree hash: SHA-256 over the SHA-256 digests of the line-aligned ranges. */
export const TREE_HASH = 'sha256-tree';

/** The method string stored beside a tree hash: the algorithm and the range size it used. */
export function treeHashMethod(rangeBytes: number): string {
  return `${TREE_HASH}; range-bytes=${rangeBytes}`;
}

/**
 * The tree hash of a file from the hex SHA-256 digests of its ranges, in file order:
 * SHA-256 of the concatenated 32-byte digests (not their hex text). One range gives
 * SHA-256(SHA-256(file)), never the plain file hash, so the two cannot be confused.
 */
export function treeHash(rangeDigests: readonly string[]): string {
  const root = createHash('sha256');
  for (const hex of rangeDigests) {
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`not a SHA-256 hex digest: ${hex}`);
    root.update(Buffer.from(hex, 'hex'));
  }
  return root.digest('hex');
}
