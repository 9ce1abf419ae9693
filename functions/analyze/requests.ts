import type { Config } from '../lib/config';
import { loadOnce } from '../lib/load-once';
import { type SendMessage, sqsSender } from '../rescore/aws-queue';

/** A stored object to analyze again (the analyzer reads exactly this version and ETag). */
export interface AnalysisRequest {
  bucket: string;
  key: string;
  size: number;
  versionId?: string;
  eTag?: string;
}

/** Where re-analysis requests go: the analyzer's own queue (SQS in AWS, in process locally). */
export interface AnalysisRequests {
  send(request: AnalysisRequest): Promise<void>;
}

/**
 * The message body the analyzer's queue carries: the S3 notification shape (`sqs-records.ts`
 * reads it), so a re-analysis runs exactly the code path of an upload.
 */
export function analysisMessage(r: AnalysisRequest): string {
  const object = {
    key: encodeURIComponent(r.key),
    size: r.size,
    ...(r.versionId ? { versionId: r.versionId } : {}),
    ...(r.eTag ? { eTag: r.eTag } : {}),
  };
  return JSON.stringify({
    Records: [{ eventName: 'ObjectCreated:Reanalyze', s3: { bucket: { name: r.bucket }, object } }],
  });
}

/** The API Lambda's analysis requests: SQS at ANALYSIS_QUEUE_URL (bound by the stack). */
export function awsAnalysisRequests(
  config: Config,
  load: (config: Config) => Promise<SendMessage> = sqsSender,
): AnalysisRequests {
  const sender = loadOnce(() => load(config));
  return {
    async send(request) {
      const url = config.ANALYSIS_QUEUE_URL;
      if (!url)
        throw new Error('ANALYSIS_QUEUE_URL is not set: the stack binds the analysis queue.');
      await (await sender())(url, analysisMessage(request));
    },
  };
}
