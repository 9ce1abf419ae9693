import fc from 'fast-check';

/** S3 request headers that change what a PUT does when the engine honours them. */
const s3Headers = [
  'x-amz-copy-source',
  'x-amz-copy-source-range',
  'x-amz-metadata-directive',
  'x-amz-tagging',
  'x-amz-tagging-directive',
  'x-amz-storage-class',
  'x-amz-website-redirect-location',
  'x-amz-acl',
  'x-amz-grant-full-control',
  'x-amz-server-side-encryption',
  'x-amz-checksum-sha256',
  'x-amz-checksum-algorithm',
  'x-amz-content-sha256',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-meta-role',
  'x-amz-meta-original-name',
  'x-amz-meta-extra',
  'x-amz-object-lock-mode',
  'x-amz-request-payer',
];

/** Randomly upper-cases letters: header names are case-insensitive. */
const anyCase = (name: string) =>
  fc
    .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
    .map((ups) => [...name].map((ch, i) => (ups[i] ? ch.toUpperCase() : ch)).join(''));

/** One `x-amz-*` header a presigned URL does not sign: known S3 ones and made-up names. */
export const unsignedAmzHeader: fc.Arbitrary<[string, string]> = fc.tuple(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...s3Headers).chain(anyCase) },
    { weight: 1, arbitrary: fc.stringMatching(/^x-amz-[a-z0-9-]{1,24}$/) },
  ),
  fc.oneof(
    fc.constantFrom(
      '/diligence-samples/samples/victim-org/01jb0000000000000000000001/01jb0000000000000000000000',
      'diligence-reports/reports/x',
      'STANDARD_IA',
      'REPLACE',
      'https://evil.test/',
      'UNSIGNED-PAYLOAD',
      'a=b',
      '*',
    ),
    fc.stringMatching(/^[ -~]{0,40}$/),
  ),
);

/**
 * A `Host` the portal on `port` does not serve: other names (with and without the port), look-alikes
 * of loopback, the bucket names, another port on loopback.
 */
export function foreignHost(port: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      `evil.test:${port}`,
      'evil.test',
      `localhost.evil.test:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `localhost:${port + 1}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      'localhost',
      `0.0.0.0:${port}`,
      `[::ffff:127.0.0.1]:${port}`,
      'diligence-reports',
      'diligence-samples',
      'fuzz-samples-q7x',
      'fuzz-reports-q7x',
      'diligence-samples/samples/victim-org',
      `localhost:${port}.evil.test`,
      `localhost:${port}@evil.test`,
    ),
    fc
      .tuple(fc.domain(), fc.option(fc.integer({ min: 1, max: 65535 })))
      .map(([name, p]) => (p === null ? name : `${name}:${p}`)),
  );
}
