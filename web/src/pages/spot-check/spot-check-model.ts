/** Spot-check page logic without the DOM: keyboard shortcuts, progress, resuming, result in words. */
import type { SpotEstimate, SpotFlag, SpotTag } from '../../api/spot-checks';
import { percent } from '../../format';

/** The main tags, their single-key shortcut and the button text. */
export const tagChoices: { tag: SpotTag; key: string; label: string }[] = [
  { tag: 'machine', key: 'm', label: 'Machine-made' },
  { tag: 'human', key: 'h', label: 'Human' },
  { tag: 'unsure', key: 'u', label: "Can't tell" },
];

/** The optional flags, their shortcut and label. */
export const flagChoices: { flag: SpotFlag; key: string; label: string }[] = [
  { flag: 'label_wrong', key: 'l', label: 'Label wrong' },
  { flag: 'personal_data', key: 'p', label: 'Personal data' },
  { flag: 'off_domain', key: 'o', label: 'Off-domain' },
];

/** What a key press asks for on the spot-check page. */
export type SpotAction =
  | { kind: 'tag'; tag: SpotTag }
  | { kind: 'flag'; flag: SpotFlag }
  | { kind: 'move'; by: -1 | 1 };

/** The parts of a keyboard event the shortcuts read. */
export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** Tag name of the focused element (e.g. `INPUT`), and its `type` for inputs. */
  targetTag?: string;
  targetType?: string;
}

const typingInputs = new Set(['text', 'number', 'search', 'email', 'url', 'tel', 'password']);

/** Whether a press happens while the person types into a field, where letters must stay letters. */
function typing(press: KeyPress): boolean {
  const tag = press.targetTag?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && typingInputs.has((press.targetType ?? 'text').toLowerCase());
}

/** Maps a key press to an action; null for keys the page leaves to the browser. */
export function keyAction(press: KeyPress): SpotAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || typing(press)) return null;
  if (press.key === 'ArrowLeft') return { kind: 'move', by: -1 };
  if (press.key === 'ArrowRight') return { kind: 'move', by: 1 };
  const key = press.key.toLowerCase();
  const tag = tagChoices.find((c) => c.key === key);
  if (tag) return { kind: 'tag', tag: tag.tag };
  const flag = flagChoices.find((c) => c.key === key);
  if (flag) return { kind: 'flag', flag: flag.flag };
  return null;
}

/** "23 of 100" for the 0-based position 22. */
export function progressText(position: number, total: number): string {
  return `${(position + 1).toLocaleString('en')} of ${total.toLocaleString('en')}`;
}

/** The position one step away, kept inside the draw. */
export function step(position: number, by: number, total: number): number {
  return Math.min(Math.max(position + by, 0), Math.max(total - 1, 0));
}

/**
 * Positions to try, in order, when a reviewer comes back: tags are usually given in order, so the
 * first untagged record is most likely at `tagged`; then the rest after it, then those before.
 */
export function resumeOrder(tagged: number, size: number): number[] {
  const start = Math.min(Math.max(tagged, 0), Math.max(size - 1, 0));
  const order: number[] = [];
  for (let i = 0; i < size; i++) order.push((start + i) % size);
  return order;
}

/** Adds or removes one flag, keeping the order of `flagChoices`. */
export function toggleFlag(flags: readonly string[], flag: SpotFlag): SpotFlag[] {
  const set = new Set(flags);
  if (set.has(flag)) set.delete(flag);
  else set.add(flag);
  return flagChoices.map((c) => c.flag).filter((f) => set.has(f));
}

/** The flags this page knows, in the order of `flagChoices` (unknown ones are dropped). */
export function knownFlags(flags: readonly string[]): SpotFlag[] {
  return flagChoices.map((c) => c.flag).filter((f) => flags.includes(f));
}

/** The tag's button text, or "Not tagged yet". */
export function tagLabel(tag: SpotTag | null): string {
  return tagChoices.find((c) => c.tag === tag)?.label ?? 'Not tagged yet';
}

/** A finished spot-check's result in plain words. */
export function resultWords(result: SpotEstimate): {
  share: string;
  range: string;
  counts: string;
} {
  const [low, high] = result.interval;
  const unsure =
    result.unsure === 0
      ? 'none was tagged "can\'t tell".'
      : `${result.unsure.toLocaleString('en')} ${result.unsure === 1 ? 'was' : 'were'} tagged "can't tell", which widens the range both ways.`;
  return {
    share: `About ${percent(result.share)} of the sample's records are machine-made, as people read them.`,
    range: `With 95 % confidence the share lies between ${percent(low)} and ${percent(high)}.`,
    counts: `${result.reviewed.toLocaleString('en')} records were read; ${unsure}`,
  };
}

/** The size the start form proposes (the API's default). */
export const spotCheckDefaultSize = 100;

/** What is wrong with the size typed into the start form, or undefined when it is a whole number ≥ 1. */
export function sizeProblem(value: string): string | undefined {
  const text = value.trim();
  if (!text) return 'Enter how many records to review, for example 100.';
  const n = Number(text);
  if (!Number.isInteger(n))
    return `"${text}" is not a whole number of records; enter one like 100.`;
  if (n < 1) return 'Review at least one record; 100 is the usual size.';
  return undefined;
}
