import { type AnalysisPartial, mergePartials } from '../../core/analysis';

/** A run of consecutive ranges merged into one partial: `size` ranges, a power of two. */
export interface Block<P = AnalysisPartial> {
  size: number;
  partial: P;
}

/**
 * The in-order binary-counter merge of the one-Lambda fan-out, over blocks that may already hold
 * several ranges. Pushing a group's blocks (its counter stack) in file order rebuilds exactly the
 * stack a flat push of the group's ranges would have built, so a merge of groups of 2^k ranges
 * equals the flat merge byte for byte, whatever the number of ranges.
 */
export class BlockMerge {
  private readonly stack: Block[] = [];

  /** Adds the next block in file order (a single range by default). */
  push(partial: AnalysisPartial, size = 1): void {
    let top = { size, partial };
    for (let left = this.stack.at(-1); left && left.size === top.size; left = this.stack.at(-1)) {
      this.stack.pop();
      top = { size: left.size * 2, partial: mergePartials(left.partial, top.partial) };
    }
    this.stack.push(top);
  }

  /** The counter's stack (largest block first): what a group merge hands to the final merge. */
  blocks(): readonly Block[] {
    return this.stack;
  }

  /** Folds the stack left to right, as the flat merge's `result()` does. */
  result(): AnalysisPartial | undefined {
    let out: AnalysisPartial | undefined;
    for (const { partial } of this.stack) out = out ? mergePartials(out, partial) : partial;
    return out;
  }
}
