import { verifyReport } from '../core/report/bundle';
import { request, SmokeFailure } from './smoke-http';
import { pollUntil } from './smoke-poll';
import type { SmokeContext, SmokeStep } from './smoke-steps';

/** A small JSON Lines sample of distinct support tickets: enough records to be evidence. */
export function smokeSample(records = 300): string {
  const topics = ['refund', 'login', 'delivery', 'invoice', 'warranty', 'export', 'password'];
  const moods = ['calmly', 'angrily', 'briefly', 'at length', 'politely', 'twice'];
  const lines: string[] = [];
  for (let i = 0; i < records; i++) {
    const text = `Ticket ${1000 + i}: a customer ${moods[i % 6]} asked about the ${topics[i % 7]} case number ${(i * 7919) % 10007} opened on day ${1 + (i % 28)}.`;
    lines.push(JSON.stringify({ text, label: topics[i % 7], created_at: '2025-01-15' }));
  }
  return `${lines.join('\n')}\n`;
}

const need = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new SmokeFailure(`no ${what} from an earlier step`, '');
  return value;
};

const assessment: SmokeStep = {
  name: 'assessment',
  async run({ api, state, clock }) {
    const stamp = new Date(clock.now()).toISOString();
    const res = await api.call<{ id: string }>(
      'POST',
      '/api/assessments',
      201,
      'check the API function log for the request id, and its DynamoDB access',
      {
        token: state.token,
        body: {
          // Mail about it (the invitation) goes to whoever runs the check, never to a stranger.
          vendor: { name: 'Smoke test vendor', contactEmail: state.email },
          dataset: { name: `Smoke test ${stamp}`, intendedUse: 'deploy smoke test' },
          templateId: 'ai-training-data',
          dueAt: new Date(clock.now() + 7 * 86_400_000).toISOString(),
        },
      },
    );
    state.assessmentId = res.body.id;
    return `created ${res.body.id}`;
  },
};

const vendorLink: SmokeStep = {
  name: 'vendor link',
  async run({ api, state }) {
    const id = need(state.assessmentId, 'assessment');
    const inv = await api.call<{ token: string; inviteUrl: string }>(
      'POST',
      `/api/assessments/${id}/invitations`,
      201,
      'check the API function log (the invitation e-mail goes through SES when mailFrom is set)',
      { token: state.token },
    );
    state.vendorToken = inv.body.token;
    await api.call(
      'GET',
      '/api/vendor/assessment',
      200,
      'the new vendor link does not open the questionnaire',
      {
        token: state.vendorToken,
      },
    );
    return `opens the questionnaire (${new URL(inv.body.inviteUrl).origin}/vendor#token=…)`;
  },
};

const upload: SmokeStep = {
  name: 'upload',
  async run({ api, state }) {
    const bytes = new TextEncoder().encode(smokeSample());
    const reg = await api.call<{
      sampleId: string;
      uploadUrl?: string;
      uploadHeaders?: Record<string, string>;
    }>('POST', '/api/vendor/samples', 201, 'check the API function log', {
      token: state.vendorToken,
      body: {
        fileName: 'smoke-sample.jsonl',
        role: 'training',
        sizeBytes: bytes.byteLength,
        contentType: 'application/jsonl',
      },
    });
    state.sampleId = reg.body.sampleId;
    const url = reg.body.uploadUrl;
    if (!url)
      throw new SmokeFailure('the portal returned no upload URL', 'check the API function log');
    const hint =
      'check the samples bucket CORS and policy, the API role’s s3:PutObject on samples/, and the clock';
    // Exactly the headers the API signed into the URL, nothing more.
    const put = await request(
      url,
      { method: 'PUT', headers: reg.body.uploadHeaders ?? {}, body: bytes },
      hint,
    );
    if (put.status !== 200) {
      throw new SmokeFailure(
        `storage answered ${put.status} to the presigned PUT`,
        hint,
        put.status,
        put.text.replace(/\s+/g, ' ').slice(0, 200),
      );
    }
    return `${bytes.byteLength} bytes PUT to ${new URL(url).host}`;
  },
};

interface SampleView {
  status: string;
  error: string | null;
  sha256: string | null;
}

const analysis: SmokeStep = {
  name: 'analysis',
  async run({ api, state, clock, timeoutMs }) {
    const path = `/api/vendor/samples/${need(state.sampleId, 'sample')}`;
    const hint =
      'check the analyzer function’s log and the analysis queue (and its dead-letter queue); a cold start may need a longer --timeout';
    const read = async () =>
      (await api.call<SampleView>('GET', path, 200, hint, { token: state.vendorToken })).body;
    const sample = await pollUntil(read, {
      done: (s) => s.status !== 'awaiting_upload' && s.status !== 'analyzing',
      describe: (s) => `status ${s.status}`,
      what: 'the analysis',
      hint,
      deadline: clock.now() + timeoutMs,
      clock,
    });
    if (sample.status !== 'analyzed') {
      throw new SmokeFailure(
        `the sample is ${sample.status}: ${sample.error ?? 'no reason given'}`,
        hint,
      );
    }
    state.sampleSha256 = sample.sha256 ?? undefined;
    return `analyzed, sha256 ${String(sample.sha256).slice(0, 12)}…`;
  },
};

/** The analysis' re-scoring may run after it (on a queue): wait for the stored version. */
async function storedReport(ctx: SmokeContext, id: string, hint: string) {
  const { api, state, clock, timeoutMs } = ctx;
  const read = async () =>
    (
      await api.call<{ items: { version: number; sha256: string; trigger: string }[] }>(
        'GET',
        `/api/assessments/${id}/reports`,
        200,
        hint,
        { token: state.token },
      )
    ).body.items;
  return pollUntil(read, {
    done: (items) => items.length > 0,
    describe: () => 'no report version yet',
    what: 'a stored report',
    hint,
    deadline: clock.now() + timeoutMs,
    clock,
  });
}

const report: SmokeStep = {
  name: 'report',
  async run(ctx) {
    const id = need(ctx.state.assessmentId, 'assessment');
    const hint = 'check the re-scoring (analyzer or scoring queue) log and the reports bucket';
    const versions = await storedReport(ctx, id, hint);
    const res = await ctx.api.call<{ sha256: string; samples?: { file?: { sha256?: string } }[] }>(
      'GET',
      `/api/assessments/${id}/report`,
      200,
      hint,
      { token: ctx.state.token },
    );
    const check = verifyReport(res.body);
    if (!check.ok)
      throw new SmokeFailure(`the stored report is not intact: ${check.problem}`, hint);
    const files = (res.body.samples ?? []).map((s) => s.file?.sha256);
    if (ctx.state.sampleSha256 && !files.includes(ctx.state.sampleSha256)) {
      throw new SmokeFailure('the report does not name the uploaded sample', hint);
    }
    return `version ${versions.at(-1)?.version} stored, sha256 ${check.sha256.slice(0, 12)}… intact`;
  },
};

/** The throwaway assessment's steps, in order. */
export const flowSteps: SmokeStep[] = [assessment, vendorLink, upload, analysis, report];
