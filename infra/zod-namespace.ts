import { readFileSync } from 'node:fs';
import type { Plugin } from 'esbuild';

/** The one line of `@hono/zod-openapi` that pulls all of zod into a bundle. */
const namespaceImport = 'import { z } from "zod";';
/** What it becomes: the library only reads `z.ZodType` (to install `.openapi()`) and re-exports `z`. */
const typeImport = 'import { ZodType } from "zod";\nconst z = { ZodType };';

/**
 * An esbuild plugin that keeps zod tree-shakable in Lambda bundles. `@hono/zod-openapi` imports
 * zod's assembled `z` object as a value, which holds every locale and the JSON-schema
 * converters (~360 KiB minified), so no bundler can drop any of it. The library reads only
 * `z.ZodType` from it; our code imports zod as a namespace (`functions/api/schemas/zod.ts`) and
 * never the library's `z` re-export. The build fails if the library's line changes, so an
 * upgrade is looked at rather than silently bundling all of zod again.
 */
export function zodNamespacePlugin(): Plugin {
  return {
    name: 'zod-namespace',
    setup(build) {
      build.onLoad({ filter: /[\\/]@hono[\\/]zod-openapi[\\/]dist[\\/]index\.mjs$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(namespaceImport)) {
          return {
            errors: [
              {
                text: `zod-namespace: ${args.path} no longer contains '${namespaceImport}'; check how this version of @hono/zod-openapi imports zod and update infra/zod-namespace.ts.`,
              },
            ],
          };
        }
        return { contents: source.replace(namespaceImport, typeImport), loader: 'js' };
      });
    },
  };
}
