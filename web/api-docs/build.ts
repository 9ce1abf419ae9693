/**
 * Puts the API reference's browser files into `<dist>/api-docs/`: Swagger UI's bundle and styles
 * from the npm package, plus our initializer. Served same-origin (the portal locally, CloudFront
 * in AWS), so /api/docs works offline and under the strict CSP.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** Files the docs page loads from Swagger UI's distribution. */
export const swaggerFiles = ['swagger-ui-bundle.js', 'swagger-ui.css'] as const;

/** Writes the reference's assets into `outDir/api-docs`. */
export async function buildApiDocs(outDir: string): Promise<void> {
  const target = join(outDir, 'api-docs');
  await mkdir(target, { recursive: true });
  for (const file of swaggerFiles) await copyFile(join(swaggerDir, file), join(target, file));
  await copyFile(join(here, 'docs.css'), join(target, 'docs.css'));
  await build({
    entryPoints: [join(here, 'init.ts')],
    outfile: join(target, 'init.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}
