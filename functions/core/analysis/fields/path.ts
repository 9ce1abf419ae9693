/** Reads one value out of a record. */
export type Getter = (record: unknown) => unknown;

type Step = string | number | '*';

function parsePath(path: string): Step[] {
  const steps: Step[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[(?:\d+|\*)\])*)$/.exec(part);
    if (!m) return [path];
    if (m[1]) steps.push(m[1]);
    for (const idx of (m[2] ?? '').matchAll(/\[(\d+|\*)\]/g)) {
      steps.push(idx[1] === '*' ? '*' : Number(idx[1]));
    }
  }
  return steps;
}

function walk(value: unknown, steps: Step[], from: number): unknown {
  let v = value;
  for (let i = from; i < steps.length; i++) {
    if (v === null || typeof v !== 'object') return undefined;
    const step = steps[i] as Step;
    if (step === '*') {
      if (!Array.isArray(v)) return undefined;
      const parts = v
        .map((item) => walk(item, steps, i + 1))
        .filter((x) => typeof x === 'string' && x !== '');
      return parts.length > 0 ? parts.join('\n') : undefined;
    }
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

/**
 * Compiles a field path: a plain key ("text", also keys with dots or spaces when the record has
 * them), a nested path ("instances[0].output"), or "[*]" to join all array items ("messages[*].content").
 */
export function compilePath(path: string): Getter {
  if (!/[.[]/.test(path)) return (r) => (r as Record<string, unknown> | null)?.[path];
  const steps = parsePath(path);
  return (r) => {
    if (r !== null && typeof r === 'object' && path in r)
      return (r as Record<string, unknown>)[path];
    return walk(r, steps, 0);
  };
}

/** True for values that carry information: not null, undefined, or blank text. */
export function isPresent(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  return true;
}
