/**
 * How long a vendor's submit takes now that scoring runs off the request, and how long the
 * re-score it asks for takes (what the request used to wait for). Training and holdout samples
 * from ../shared/data, so the re-score combines both partials. `npx tsx test/bench/rescore.ts`
 */
import { readFile } from 'node:fs/promises';
import { completeAnswers } from '../api/answers';
import { invitedAssessment, json, startWithStaff } from '../api/harness';

const runs = Number(process.argv[2] ?? 3);
const { t, proc } = await startWithStaff();
const files = {
  training: await readFile('../shared/data/gsm8k_example_model_solutions.jsonl', 'utf8'),
  holdout: await readFile('../shared/data/selfinstruct_user_tasks_human.jsonl', 'utf8'),
};
try {
  for (let i = 0; i < runs; i++) {
    const { token } = await invitedAssessment(t, proc);
    await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } });
    for (const [role, body] of Object.entries(files)) {
      const target = await json<{ uploadUrl: string; uploadHeaders: Record<string, string> }>(
        t.call('POST', '/api/vendor/samples', {
          token,
          body: {
            fileName: `${role}.jsonl`,
            role,
            sizeBytes: Buffer.byteLength(body),
            contentType: 'application/jsonl',
          },
        }),
      );
      await fetch(new URL(target.uploadUrl, t.portal.url), {
        method: 'PUT',
        headers: target.uploadHeaders,
        body,
      });
    }
    await t.drain();
    const start = performance.now();
    const res = await t.call('POST', '/api/vendor/submit', { token });
    const answered = performance.now();
    await t.drain();
    const scored = performance.now();
    console.log(
      `run ${i + 1}: submit ${res.status} in ${(answered - start).toFixed(0)} ms; re-score done ${(scored - answered).toFixed(0)} ms later`,
    );
  }
} finally {
  await t.stop();
}
