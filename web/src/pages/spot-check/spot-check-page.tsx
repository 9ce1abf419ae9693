/**
 * The reviewer's spot-check: one drawn record at a time, tagged with buttons or single keys
 * (m / h / u, flags l / p / o, arrows to move), resumable, then finished into a result.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  finishSpotCheck,
  getSpotCheck,
  getSpotRecord,
  type SpotCheck,
  type SpotFlag,
  type SpotRecord,
  type SpotTag,
  tagSpotRecord,
} from '../../api/spot-checks';
import { ErrorBanner, Loading } from '../../components/feedback';
import { Link } from '../../router';
import { SpotCheckHelp } from './spot-check-help';
import {
  keyAction,
  knownFlags,
  progressText,
  resumeOrder,
  step,
  toggleFlag,
} from './spot-check-model';
import { SpotCheckRecord } from './spot-check-record';
import { SpotCheckResult } from './spot-check-result';

/** The first untagged record, trying the likeliest positions first; the first record when all are tagged. */
async function resumeRecord(check: SpotCheck): Promise<SpotRecord> {
  const at = (p: number) => getSpotRecord(check.assessmentId, check.spotCheckId, p);
  if (check.tagged >= check.size) return at(0);
  for (const position of resumeOrder(check.tagged, check.size)) {
    const record = await at(position);
    if (record.tag === null) return record;
  }
  return at(0);
}

/** The spot-check page of one assessment. */
export function SpotCheckPage({ id, spotCheckId }: { id: string; spotCheckId: string }) {
  const [check, setCheck] = useState<SpotCheck | null>(null);
  const [record, setRecord] = useState<SpotRecord | null>(null);
  const [flags, setFlags] = useState<SpotFlag[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const textRef = useRef<HTMLElement>(null);
  const finishRef = useRef<HTMLButtonElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const loadSeq = useRef(0);
  // Where the last requested move goes, so quick arrow presses add up before the record arrives.
  const pending = useRef<number | null>(null);

  useEffect(() => {
    let current = true;
    setError(undefined);
    getSpotCheck(id, spotCheckId)
      .then(async (c) => {
        if (!current) return;
        setCheck(c);
        if (c.status === 'open') show(await resumeRecord(c));
      })
      .catch((e) => current && setError(e));
    return () => {
      current = false;
    };
  }, [id, spotCheckId]);

  /** Shows a loaded record and puts focus on its text, so the next key acts on it. */
  const show = (r: SpotRecord) => {
    setRecord(r);
    setFlags(knownFlags(r.flags));
    requestAnimationFrame(() => textRef.current?.focus());
  };

  const goTo = async (position: number) => {
    if (!check || (record && position === record.position && pending.current === null)) return;
    const seq = ++loadSeq.current;
    pending.current = position;
    setError(undefined);
    try {
      const r = await getSpotRecord(id, spotCheckId, position);
      if (seq !== loadSeq.current) return;
      pending.current = null;
      show(r);
    } catch (e) {
      if (seq === loadSeq.current) pending.current = null;
      setError(e);
    }
  };

  const save = async (tag: SpotTag, withFlags: SpotFlag[], advance: boolean) => {
    if (!check || !record || saving) return;
    setSaving(true);
    setError(undefined);
    try {
      const saved = await tagSpotRecord(id, spotCheckId, record.position, {
        tag,
        flags: withFlags,
      });
      const tagged = check.tagged + (record.tag === null ? 1 : 0);
      setCheck({ ...check, tagged });
      setRecord({ ...record, tag: saved.tag, flags: saved.flags });
      if (!advance) return;
      if (saved.next !== null) await goTo(saved.next);
      else requestAnimationFrame(() => finishRef.current?.focus());
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const flag = (f: SpotFlag) => {
    const next = toggleFlag(flags, f);
    setFlags(next);
    // Flags of a record already tagged are saved at once; otherwise they go with the tag.
    if (record?.tag) void save(record.tag, next, false);
  };

  const finish = async () => {
    setError(undefined);
    try {
      setCheck(await finishSpotCheck(id, spotCheckId));
      setRecord(null);
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (e) {
      setError(e);
    }
  };

  // One listener for the page's shortcuts; it reads the latest state through `latest`.
  const latest = useRef({ save, flag, goTo, record, flags, saving });
  latest.current = { save, flag, goTo, record, flags, saving };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const action = keyAction({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        targetTag: target?.tagName,
        targetType: (target as HTMLInputElement | null)?.type,
      });
      const now = latest.current;
      if (!action || !now.record || now.saving) return;
      event.preventDefault();
      if (action.kind === 'tag') void now.save(action.tag, now.flags, true);
      else if (action.kind === 'flag') now.flag(action.flag);
      else {
        const from = pending.current ?? now.record.position;
        void now.goTo(step(from, action.by, now.record.total));
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (!check) {
    return error ? <ErrorBanner error={error} /> : <Loading what="Loading the spot-check" />;
  }
  const done = check.tagged >= check.size;
  return (
    <>
      <p class="small">
        <Link href={`/assessments/${encodeURIComponent(id)}`}>Back to the assessment</Link>
      </p>
      <h1>Spot-check of {check.size.toLocaleString('en')} records</h1>
      <p class="small" aria-live="polite" data-testid="spot-progress">
        {record ? `Record ${progressText(record.position, record.total)}. ` : ''}
        {check.tagged.toLocaleString('en')} of {check.size.toLocaleString('en')} tagged.
      </p>
      <ErrorBanner error={error} />
      {check.status === 'finished' ? (
        <SpotCheckResult check={check} headingRef={resultRef} />
      ) : record ? (
        <>
          <SpotCheckRecord
            record={record}
            flags={flags}
            saving={saving}
            textRef={textRef}
            onTag={(t) => save(t, flags, true)}
            onFlag={flag}
          />
          <div class="button-row spot-nav">
            <button
              type="button"
              class="button secondary"
              disabled={record.position === 0}
              aria-keyshortcuts="ArrowLeft"
              onClick={() => goTo(step(record.position, -1, record.total))}
            >
              ← Previous
            </button>
            <button
              type="button"
              class="button secondary"
              disabled={record.position >= record.total - 1}
              aria-keyshortcuts="ArrowRight"
              onClick={() => goTo(step(record.position, 1, record.total))}
            >
              Next →
            </button>
            <button type="button" class="button" ref={finishRef} disabled={!done} onClick={finish}>
              Finish
            </button>
          </div>
          {done ? null : <p class="small muted">Finish is enabled once every record is tagged.</p>}
          <SpotCheckHelp />
        </>
      ) : (
        <Loading what="Loading the record" />
      )}
    </>
  );
}
