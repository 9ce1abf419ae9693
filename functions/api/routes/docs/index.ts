import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { type DocsPageInput, renderDocsPage } from './page';

/** GET /api/docs: the interactive reference over `document()` (the app's OpenAPI document). */
export function docsRoutes(document: () => unknown) {
  return new Hono<AppEnv>().get('/docs', (c) =>
    c.html(renderDocsPage(document() as DocsPageInput)),
  );
}
