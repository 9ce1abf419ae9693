import { html } from 'hono/html';

interface Operation {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  responses?: Record<string, { description?: string }>;
}

/** The parts of the OpenAPI document the page reads. */
export type DocsPageInput = {
  info: { title: string; version: string };
  paths?: Record<string, Record<string, Operation>>;
};

/** Where the web build puts the reference's browser files (see web/api-docs/build.ts). */
export const docsAssets = '/api-docs';

/**
 * The interactive API reference: Swagger UI from same-origin files (no CDN, no inline script or
 * style, so the strict CSP holds), with a plain table of operations for readers without scripts.
 */
export function renderDocsPage(doc: DocsPageInput) {
  const rows = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const auth = op.security?.map((s) => Object.keys(s).join(', ')).join(' or ') || 'anyone';
      const statuses = Object.keys(op.responses ?? {}).join(' ');
      return html`<tr><td><code>${method.toUpperCase()}</code></td><td><code>${path}</code></td><td><code>${op.operationId ?? ''}</code></td><td>${op.summary ?? ''}</td><td>${auth}</td><td>${statuses}</td></tr>`;
    }),
  );
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${doc.info.title} reference</title><link rel="icon" href="data:,"><link rel="stylesheet" href="${docsAssets}/swagger-ui.css"><link rel="stylesheet" href="${docsAssets}/docs.css"></head>
<body><header class="docs-bar"><h1>${doc.info.title} ${doc.info.version}</h1><a href="/api/openapi.json">openapi.json</a><label for="dev-user" hidden>Dev user</label><select id="dev-user" hidden></select><button id="dev-token" type="button" hidden>Use a dev token</button><span id="docs-status" class="docs-status" role="status"></span></header>
<main id="swagger-ui"></main>
<noscript><div class="docs-fallback"><p>The interactive reference needs JavaScript. The contract is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Operation</th><th>Summary</th><th>Who</th><th>Responses</th></tr></thead>
<tbody>${rows}</tbody></table></div></noscript>
<script src="${docsAssets}/swagger-ui-bundle.js"></script><script src="${docsAssets}/init.js"></script></body></html>`;
}
