import { parentPort, workerData } from 'node:worker_threads';
import { createSampleAnalyzer } from '../../analyze/engine';
import { createAnalyzeHandler, type ObjectCreated } from '../../analyze/handler';
import type { Upload } from '../../analyze/uploads';
import { createAwsClients } from '../../lib/aws-clients';
import type { Config } from '../../lib/config';
import { newId } from '../../lib/ids';
import { createLogger } from '../../lib/logger';
import { createBlobStore } from '../../store/blob-store';
import { singleVersionPurger } from '../../store/object-versions';
import { createRepositories } from '../../store/repositories';
import type { FromAnalysisWorker, ToAnalysisWorker } from './protocol';

// Worker-thread entry: runs the analyze handler off the portal's request loop, one job at a time.

const port = parentPort;
if (!port) throw new Error('analysis/worker.ts must run in a worker thread');
const { config } = workerData as { config: Config };
const clients = createAwsClients(config);
let clockOffsetMs = 0;
let analyzed: Upload[] = [];
const handle = createAnalyzeHandler({
  config,
  logger: createLogger(config.LOG_LEVEL, { fn: 'analyze' }),
  clock: () => new Date(Date.now() + clockOffsetMs),
  repos: createRepositories({ doc: clients.doc, name: config.TABLE_NAME }),
  blobs: createBlobStore(clients.s3),
  analyzer: createSampleAnalyzer(),
  // s3rver keeps no versions: the one object is every version there is.
  versions: singleVersionPurger(clients.s3),
  newId,
  onAnalyzed: async (sample) => {
    analyzed.push(sample);
  },
});

async function run(id: number, object: ObjectCreated): Promise<FromAnalysisWorker> {
  analyzed = [];
  try {
    await handle([object]);
    return { id, ok: true, analyzed };
  } catch (error) {
    return { id, ok: false, message: String((error as Error)?.stack ?? error) };
  }
}

port.on('message', (m: ToAnalysisWorker) => {
  clockOffsetMs = m.clockOffsetMs;
  void run(m.id, m.object).then((result) => port.postMessage(result));
});
