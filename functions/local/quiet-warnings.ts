// Imported first by main.ts: the AWS SDK warns on every start under Node 20 that future releases
// need Node 22. Lambda runs 22 and the warning says nothing a local user can act on; others pass.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  const text = `${warning.name}: ${warning.message}`;
  if (!text.includes('NodeVersionSupportWarning')) process.stderr.write(`${text}\n`);
});
