import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DiligenceStack, type DiligenceStackProps } from '../../infra/diligence-stack';

/** Repository root, resolved from this file. */
export const projectRoot = resolve(import.meta.dirname, '../..');

/** Feature flags from cdk.json, so tests synthesize what `cdk synth` does. */
export function cdkContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return cdkJson.context;
}

/** A throwaway built web app: tests never depend on `npm run web:build`. */
export function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'diligence-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Diligence</title>');
  return dir;
}

/** The stack with stub Lambda code (no esbuild), plus its template. */
export function synthStack(props: Partial<DiligenceStackProps> = {}): {
  app: App;
  stack: DiligenceStack;
  template: Template;
} {
  const app = new App({ context: cdkContext() });
  const stack = new DiligenceStack(app, 'DiligenceStack', {
    projectRoot,
    webDistPath: fakeWebDist(),
    mailFrom: 'noreply@diligence.example',
    code: 'stub',
    ...props,
  });
  return { app, stack, template: Template.fromStack(stack) };
}
