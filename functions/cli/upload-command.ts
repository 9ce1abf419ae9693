import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo } from './io';
import { parseLink, putBytes, UploadError, vendorClient } from './upload-client';
import { uploadParts } from './upload-parts';

const USAGE =
  'Usage: diligence upload <invitation-link-or-token> <file> [--role training|holdout] [--api <url>] [--text <field>] [--label <field>]\n';

const types: [RegExp, string][] = [
  [/\.gz$/i, 'application/gzip'],
  [/\.csv$/i, 'text/csv'],
  [/\.(jsonl|ndjson)$/i, 'application/jsonl'],
  [/\.json$/i, 'application/json'],
  [/\.txt$/i, 'text/plain'],
];

interface Registered {
  sampleId: string;
  upload?: { mode: 'single' } | { mode: 'multipart'; partSize: number; partCount: number };
  uploadUrl?: string;
  uploadHeaders?: Record<string, string>;
}
interface ViewSample {
  sampleId: string;
  fileName: string;
  role: string;
  sizeBytes: number;
  status: string;
  upload?: { mode: 'multipart' } | null;
}

/**
 * `diligence upload`: registers a sample with the vendor API and uploads it (in parts above the
 * portal's threshold, resuming an unfinished upload of the same file). Progress goes to stderr.
 * Exit 0 when uploaded, 1 when the portal or storage refused, 2 on bad usage or an unreadable file.
 */
export async function runUpload(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    io.stderr.write(`diligence upload: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 2) {
    io.stderr.write(`diligence upload: expected a link and a file\n${USAGE}`);
    return 2;
  }
  const [linkArg, file] = positionals as [string, string];
  const role = values.role === 'sample' ? 'training' : (values.role ?? 'training');
  if (role !== 'training' && role !== 'holdout') {
    io.stderr.write(`diligence upload: --role is training (or sample) or holdout, not "${role}"\n`);
    return 2;
  }
  const link = parseLink(linkArg, values.api);
  if (typeof link === 'string') {
    io.stderr.write(`diligence upload: ${link}\n`);
    return 2;
  }
  const fileName = basename(file);
  const contentType = types.find(([re]) => re.test(fileName))?.[1];
  if (!contentType) {
    io.stderr.write(
      `diligence upload: ${fileName}: use a .csv, .jsonl, .ndjson, .json or .txt file (optionally .gz)\n`,
    );
    return 2;
  }
  let sizeBytes: number;
  try {
    sizeBytes = (await stat(file)).size;
  } catch (e) {
    io.stderr.write(`diligence upload: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const api = vendorClient(link);
  try {
    const fields = {
      ...(values.text ? { text: values.text } : {}),
      ...(values.label ? { label: values.label } : {}),
    };
    const view = await api.call<{ samples: ViewSample[] }>(
      'GET',
      '/api/vendor/assessment',
      'reading the assessment',
    );
    const unfinished = view.samples.find(
      (s) =>
        s.status === 'awaiting_upload' &&
        s.upload &&
        s.fileName === fileName &&
        s.sizeBytes === sizeBytes &&
        s.role === role,
    );
    const body = { fileName, role, sizeBytes, contentType };
    const target = unfinished
      ? { sampleId: unfinished.sampleId, multipart: true }
      : await register(api, file, Object.keys(fields).length ? { ...body, fields } : body, io);
    if (target.multipart) await uploadParts(api, file, target.sampleId, sizeBytes, io);
    io.stdout.write(
      `${fileName} uploaded as sample ${target.sampleId}: the portal is analyzing it.\n`,
    );
    return 0;
  } catch (e) {
    if (io.isTTY) io.stderr.write('\n');
    io.stderr.write(
      `diligence upload: ${e instanceof UploadError ? e.message : (e as Error).message}\n`,
    );
    return 1;
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      api: { type: 'string' },
      text: { type: 'string' },
      label: { type: 'string' },
    },
  });
}

/** Registers the file; a small one is PUT at once, a big one is left to `uploadParts`. */
async function register(
  api: ReturnType<typeof vendorClient>,
  file: string,
  body: Record<string, unknown>,
  io: CliIo,
): Promise<{ sampleId: string; multipart: boolean }> {
  const reg = await api.call<Registered>(
    'POST',
    '/api/vendor/samples',
    'registering the sample',
    body,
  );
  if (reg.upload?.mode === 'multipart') return { sampleId: reg.sampleId, multipart: true };
  const handle = await open(file);
  try {
    const bytes = await handle.readFile();
    io.stderr.write(`uploading ${body.fileName} in one request\n`);
    await putBytes(reg.uploadUrl ?? '', bytes, reg.uploadHeaders);
  } finally {
    await handle.close();
  }
  return { sampleId: reg.sampleId, multipart: false };
}
