import { html } from 'hono/html';

interface Operation {
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  responses?: Record<string, { description?: string }>;
}

type Doc = {
  info: { title: string; version: string };
  paths?: Record<string, Record<string, Operation>>;
};

/** Renders the OpenAPI document as a readable page without scripts (works offline under a strict CSP). */
export function renderDocsPage(doc: Doc) {
  const rows = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const auth = op.security?.map((s) => Object.keys(s).join(', ')).join(' or ') || 'anyone';
      const statuses = Object.keys(op.responses ?? {}).join(' ');
      return html`<tr><td><code>${method.toUpperCase()}</code></td><td><code>${path}</code></td><td>${op.summary ?? ''}</td><td>${auth}</td><td>${statuses}</td></tr>`;
    }),
  );
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${doc.info.title}</title></head>
<body><main><h1>${doc.info.title} ${doc.info.version}</h1>
<p>The machine-readable contract is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Summary</th><th>Who</th><th>Responses</th></tr></thead>
<tbody>${rows}</tbody></table></main></body></html>`;
}
