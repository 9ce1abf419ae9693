/**
 * zod for the API's schemas, with `.openapi()` installed: import it as a namespace,
 * `import * as z from '…/schemas/zod'`.
 *
 * Why not `import { z } from '@hono/zod-openapi'`: `z` is zod's assembled namespace object, which
 * holds every locale and the JSON-schema converters; no bundler can drop any of it once it is
 * imported as a value (about 360 KiB of the Lambda bundle, ~60 ms of every cold start). A
 * namespace import of the module lets esbuild keep only the schema builders the code calls.
 */
// Imported for its effect: it installs `.openapi()` on zod's types before any schema here is built.
import '@hono/zod-openapi';

export * from 'zod';
