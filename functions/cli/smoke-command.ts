import { parseArgs } from 'node:util';
import type { CliIo } from './io';
import { cleanup } from './smoke-cleanup';
import { flowSteps } from './smoke-flow';
import { portalClient, requestTimeoutMs, SmokeFailure } from './smoke-http';
import { realClock, type SmokeClock } from './smoke-poll';
import { portalSteps, type SmokeContext, type SmokeStep, TokenNeeded } from './smoke-steps';

const USAGE =
  'Usage: diligence smoke <portal URL> [--token <procurement ID token>] [--timeout <seconds>] [--json]\n';

/** One step's outcome, as printed and as `--json` reports it. */
export interface StepResult {
  step: string;
  ok: boolean;
  ms: number;
  detail: string;
  error?: { message: string; status?: number; detail?: string; check: string };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      token: { type: 'string' },
      timeout: { type: 'string', default: '180' },
      json: { type: 'boolean', default: false },
    },
  });
}

function line(r: StepResult): string {
  const head = `${r.ok ? '✓' : '✗'} ${r.step.padEnd(12)} ${`${r.ms} ms`.padStart(8)}  ${r.detail}`;
  if (!r.error) return `${head}\n`;
  const status = r.error.status === undefined ? '' : `\n    status: ${r.error.status}`;
  const detail = r.error.detail ? `\n    detail: ${r.error.detail}` : '';
  const check = r.error.check ? `\n    check:  ${r.error.check}` : '';
  return `${head}${status}${detail}${check}\n`;
}

async function runStep(step: SmokeStep, ctx: SmokeContext): Promise<StepResult> {
  const started = ctx.clock.now();
  try {
    const detail = await step.run(ctx);
    return { step: step.name, ok: true, ms: ctx.clock.now() - started, detail };
  } catch (error) {
    if (error instanceof TokenNeeded) throw error;
    const f =
      error instanceof SmokeFailure
        ? error
        : new SmokeFailure(
            (error as Error).message,
            'an unexpected answer; run again with the same URL',
          );
    return {
      step: step.name,
      ok: false,
      ms: ctx.clock.now() - started,
      detail: f.message,
      error: {
        message: f.message,
        ...(f.status === undefined ? {} : { status: f.status }),
        ...(f.detail ? { detail: f.detail } : {}),
        check: f.hint,
      },
    };
  }
}

/**
 * `diligence smoke <portal URL>`: checks a running portal end to end through its public API and
 * cancels the throwaway assessment it made. Exit 0 when every step held, 1 when one failed, 2 on
 * bad usage or when a token is needed.
 */
export async function runSmoke(
  args: string[],
  io: CliIo,
  clock: SmokeClock = realClock,
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    io.stderr.write(`diligence smoke: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const url = positionals[0];
  const timeout = Number(values.timeout);
  if (positionals.length !== 1 || !url || !/^https?:\/\/[^/]/.test(url)) {
    io.stderr.write(`diligence smoke: expected the portal URL (http(s)://…)\n${USAGE}`);
    return 2;
  }
  if (!Number.isFinite(timeout) || timeout < 0) {
    io.stderr.write(`diligence smoke: --timeout takes seconds, not "${values.timeout}"\n`);
    return 2;
  }
  const ctx: SmokeContext = {
    // --timeout also bounds each request, so a short check against a hung portal stays short.
    api: portalClient(new URL(url).origin, Math.min(requestTimeoutMs, Math.max(1, timeout) * 1000)),
    token: values.token,
    timeoutMs: timeout * 1000,
    clock,
    state: {},
  };
  const started = clock.now();
  const results: StepResult[] = [];
  const record = (r: StepResult) => {
    results.push(r);
    if (!values.json) io.stdout.write(line(r));
  };
  if (!values.json) io.stdout.write(`Checking ${ctx.api.origin}\n`);
  try {
    for (const step of [...portalSteps, ...flowSteps]) {
      const r = await runStep(step, ctx);
      record(r);
      if (!r.ok) break;
    }
  } catch (error) {
    if (!(error instanceof TokenNeeded)) throw error;
    io.stderr.write(
      'diligence smoke: this portal offers no dev session; pass --token <ID token of a procurement user>\n',
    );
    return 2;
  }
  // Whatever failed, the throwaway assessment does not stay open.
  if (ctx.state.assessmentId) record(await runStep(cleanup, ctx));
  const ok = results.every((r) => r.ok);
  const ms = clock.now() - started;
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify({ portal: ctx.api.origin, ok, ms, steps: results }, null, 2)}\n`,
    );
  } else {
    const failed = results.find((r) => !r.ok);
    io.stdout.write(
      failed
        ? `Smoke test FAILED at "${failed.step}" after ${(ms / 1000).toFixed(1)} s.\n`
        : `All ${results.length} checks passed in ${(ms / 1000).toFixed(1)} s.\n`,
    );
  }
  return ok ? 0 : 1;
}
