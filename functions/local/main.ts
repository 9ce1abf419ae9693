import './quiet-warnings';
import { ConfigError, loadConfig } from '../lib/config';
import { exposureWarning } from './exposure';
import { startPortal } from './portal';
import { explainStartupError } from './startup-errors';

async function main() {
  const config = loadConfig();
  const warning = exposureWarning(config);
  if (warning) process.stderr.write(warning);
  const portal = await startPortal(config);
  process.stdout.write(
    [
      '',
      `Diligence is running at ${portal.url}`,
      `  web app   ${portal.url}/`,
      `  API       ${portal.url}/api  (docs: ${portal.url}/api/docs)`,
      `  data      ${config.DATA_DIR}`,
      `  node      ${process.version} (the Lambda runtime is Node 22)`,
      ...(portal.demoVendorLink
        ? [`  demo vendor link (shown once): ${portal.demoVendorLink}`]
        : []),
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping Diligence…\n');
    await portal.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : explainStartupError(error);
  process.stderr.write(`\nDiligence could not start.\n${message}\n`);
  process.exit(1);
});
