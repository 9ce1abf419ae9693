#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx diligence` works without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../functions/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stderr.isTTY),
});
