import { parentPort } from 'node:worker_threads';
import { AnalysisInputError, type AnalysisPartial, foldSource } from '../../core/analysis';
import type { FromWorker, ShardSettings, ToWorker } from './protocol';

// Worker-thread entry: folds one shard at a time from bytes the parent sends on request.

/** Prepended to continuing shards: the decoder drops this one, so a U+FEFF in the text stays. */
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
/** Chunk requests kept in flight, so reading overlaps folding. */
const WINDOW = 2;

interface Feed {
  id: number;
  queue: (Uint8Array | null)[];
  wake: (() => void) | undefined;
  received: number;
}

const port = parentPort;
if (!port) throw new Error('shards/worker.ts must run in a worker thread');
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

/** The index's typed-array buffers (each once), moved to the parent instead of copied. */
function indexBuffers(p: AnalysisPartial): ArrayBuffer[] {
  const ix = p.index;
  const arrays = [ix.ids, ix.keyLo, ix.keyHi, ix.bands, ix.sigs, ix.labels, ix.gramEnds, ix.grams];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
let feed: Feed | undefined;

async function* chunks(f: Feed, continues: boolean): AsyncGenerator<Uint8Array> {
  if (continues) yield BOM;
  for (let i = 0; i < WINDOW; i++) post({ type: 'pull', id: f.id });
  for (;;) {
    while (f.queue.length === 0) {
      await new Promise<void>((resolve) => {
        f.wake = resolve;
      });
    }
    const next = f.queue.shift() as Uint8Array | null;
    if (next === null) return;
    f.received += next.length;
    post({ type: 'pull', id: f.id });
    yield next;
  }
}

async function run(id: number, s: ShardSettings): Promise<void> {
  const f: Feed = { id, queue: [], wake: undefined, received: 0 };
  feed = f;
  try {
    const partial = await foldSource(chunks(f, s.continues), {
      ...(s.spotCheck ? { spotCheck: s.spotCheck } : {}),
      ...(s.styleRate !== undefined ? { styleRate: s.styleRate } : {}),
      fileName: s.fileName,
      format: s.format,
      fields: s.fields,
      input: s.input,
      deadline: s.deadline,
      // the whole file's detected mapping: a shard's first records may lack an optional field
      checkMapping: false,
    });
    if (s.continues) partial.bytes -= BOM.length;
    post({ type: 'done', id, partial }, indexBuffers(partial));
  } catch (error) {
    const input = error instanceof AnalysisInputError;
    // a shard that owns no line (one line spans its whole range) contributes nothing
    if (input && f.received === 0) return post({ type: 'done', id, partial: null });
    const message = input ? error.message : String((error as Error)?.stack ?? error);
    post({ type: 'failed', id, input, message });
  }
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'task') {
    void run(m.id, m.settings);
    return;
  }
  if (feed?.id !== m.id) return;
  feed.queue.push(m.type === 'chunk' ? m.bytes : null);
  feed.wake?.();
  feed.wake = undefined;
});
