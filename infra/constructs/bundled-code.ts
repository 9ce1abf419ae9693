import { AssetHashType, DockerImage, type ILocalBundling } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { bundleLambda } from '../bundle';

/** Runs `bundleLambda` as CDK's local bundling step (see {@link bundledCode}). */
class EsbuildBundling implements ILocalBundling {
  // Plain fields: CDK keys its asset cache on the JSON of the bundling options, so two functions
  // of the same project root differ by entry and workers and never share a bundle.
  constructor(
    readonly projectRoot: string,
    readonly entry: string,
    readonly workers: Readonly<Record<string, string>>,
  ) {}

  tryBundle(outputDir: string): boolean {
    bundleLambda({
      projectRoot: this.projectRoot,
      entry: this.entry,
      workers: this.workers,
      outdir: outputDir,
    });
    return true;
  }
}

/**
 * The function's code: the project root bundled by `bundleLambda` into an asset directory
 * (`index.mjs`, worker entries, `chunks/`, source maps), hashed on that output so the asset
 * changes exactly when the deployed code does. Bundling is always local and synchronous; it never
 * falls back to Docker (`tryBundle` returns true or throws esbuild's error), so the `image` CDK
 * requires is a placeholder that is never pulled or run.
 */
export function bundledCode(
  projectRoot: string,
  entry: string,
  workers: Readonly<Record<string, string>>,
): Code {
  return Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('never-used-local-esbuild-bundling'),
      command: ['bundle', entry, ...Object.values(workers)],
      local: new EsbuildBundling(projectRoot, entry, workers),
    },
  });
}
