#!/usr/bin/env node
// The process entry of the `diligence` command: the bundled package's `cli.mjs`, and what
// bin/diligence.js runs through tsx in the repository.
import { main } from './main';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stderr.isTTY),
});
