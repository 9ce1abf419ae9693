import type { CliIo } from './io';
import { USAGE } from './usage';
import { cliVersion } from './version';

export { USAGE } from './usage';

// Every command is imported when it runs, never before: `--help` and `--version` then load only
// this file and the usage text, and the installed package starts in well under 0.2 s.

/** Runs the `diligence` command with `args` (without "node" and the script); resolves to the exit code. */
export async function main(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'analyze':
      return (await import('./analyze-command')).runAnalyze(rest, io);
    case 'score':
      return (await import('./score-command')).runScore(rest, io);
    case 'compare':
      return (await import('./compare-command')).runCompare(rest, io);
    case 'spot-check':
      return (await import('./spot-check-command')).runSpotCheck(rest, io);
    case 'verify':
      return (await import('./verify-command')).runVerify(rest, io);
    case 'reference': {
      const [sub, ...more] = rest;
      if (sub === 'prompts')
        return (await import('./reference-prompts')).runReferencePrompts(more, io);
      io.stderr.write(
        `diligence reference: unknown subcommand "${sub ?? ''}" (use: reference prompts <file>)\n\n${USAGE}`,
      );
      return 2;
    }
    case 'fingerprint':
      return (await import('./fingerprint-command')).runFingerprint(rest, io);
    case 'hash':
      return (await import('./hash-command')).runHash(rest, io);
    case 'upload':
      return (await import('./upload-command')).runUpload(rest, io);
    case 'smoke':
      return (await import('./smoke-command')).runSmoke(rest, io);
    case 'version':
    case '--version':
    case '-v':
      io.stdout.write(`diligence ${cliVersion()}\n`);
      return 0;
    case 'help':
    case '--help':
    case '-h':
      io.stdout.write(USAGE);
      return 0;
    case undefined:
      io.stderr.write(USAGE);
      return 2;
    default:
      io.stderr.write(`diligence: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}
