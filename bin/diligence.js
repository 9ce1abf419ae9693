#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx diligence` works without a build step.
// The installed package (`npm run cli:pack`) runs the same entry bundled into plain JavaScript.
import { register } from 'tsx/esm/api';

register();
await import('../functions/cli/entry.ts');
