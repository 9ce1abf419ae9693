import { loadConfig } from '../lib/config';

/** Turns a start-up failure into a message a person can act on (no stack traces). */
export function explainStartupError(error: unknown): string {
  const err = error as NodeJS.ErrnoException & { cause?: unknown };
  if (error instanceof Error && error.name === 'DataFolderError') return error.message;
  const config = safeConfig();
  if (err?.code === 'EADDRINUSE') {
    return `Port ${config?.PORT ?? ''} is already in use. Stop the other program or choose another port, e.g. PORT=3001 npm start.`;
  }
  if (err?.code === 'EACCES') {
    return `Permission denied: ${err.message}. Choose a port above 1024 or a writable DATA_DIR.`;
  }
  const text = `${err?.message ?? error} ${(err?.cause as Error | undefined)?.message ?? ''}`;
  if (/LOCK|lock/.test(text) && /level|LOCK/.test(text)) {
    return `The data folder ${config?.DATA_DIR ?? ''} is in use by another Diligence process. Stop it, or use another DATA_DIR.`;
  }
  if (
    /corrupt|Corruption|not a directory|ENOTDIR|EEXIST|Unexpected token|JSON/i.test(text) ||
    err?.code === 'EEXIST'
  ) {
    return `The data folder ${config?.DATA_DIR ?? ''} looks damaged (${err?.message ?? 'unknown error'}). Move it aside and start again to begin with fresh demo data.`;
  }
  return `Unexpected error: ${err?.message ?? String(error)}`;
}

function safeConfig() {
  try {
    return loadConfig();
  } catch {
    return undefined;
  }
}
