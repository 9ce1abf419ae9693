import type {
  DeserializeHandler,
  DeserializeHandlerArguments,
  HandlerExecutionContext,
  InitializeHandler,
  InitializeHandlerArguments,
  Pluggable,
} from '@smithy/types';
import { checkRequest, type RuleOptions, type S3Refusal } from './s3-rules-checks';
import { checkPresigned, type PresignedRequest } from './s3-rules-presign';

export type { RuleOptions } from './s3-rules-checks';

/** A presigned URL S3 (or the browser using it) would refuse; thrown when the URL is made. */
export class PresignRuleError extends Error {
  readonly $metadata: { httpStatusCode: number };
  constructor(readonly refusal: S3Refusal) {
    super(refusal.message);
    this.name = refusal.code;
    this.$metadata = { httpStatusCode: refusal.status };
  }
}

const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** S3's error document, so the SDK's own deserializer turns the refusal into its exception. */
function errorResponse(r: S3Refusal) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${r.code}</Code><Message>${xmlEscape(r.message)}</Message><RequestId>s3-rules</RequestId><HostId>s3-rules</HostId></Error>`;
  return {
    statusCode: r.status,
    reason: r.code,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': 's3-rules' },
    body: new TextEncoder().encode(xml),
  };
}

const operation = (context: HandlerExecutionContext) =>
  (context.commandName ?? '').replace(/Command$/, '');

// biome-ignore lint/suspicious/noExplicitAny: middleware is generic over every S3 command.
type Any = any;

/**
 * Checks each request just before it would be sent (below the deserializer, so a refusal comes
 * back as S3's own error document and reaches the caller as the SDK's S3 exception).
 */
function requestRules(options: RuleOptions) {
  return (next: DeserializeHandler<Any, Any>, context: HandlerExecutionContext) =>
    async (args: DeserializeHandlerArguments<Any>) => {
      const request = args.request as { headers?: Record<string, string>; body?: unknown };
      const input = args.input as { Bucket?: string; Key?: string };
      const headers = Object.fromEntries(
        Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      const refusal = checkRequest(
        {
          operation: operation(context),
          bucket: input.Bucket,
          key: input.Key,
          headers,
          body: request.body,
        },
        options,
      );
      if (refusal) return { response: errorResponse(refusal), output: undefined as Any };
      return next(args);
    };
}

/** Checks the URL the presigner made (the presigner stops the stack before the request is sent). */
function presignRules() {
  return (next: InitializeHandler<Any, Any>) => async (args: InitializeHandlerArguments<Any>) => {
    const result = await next(args);
    const presigned = (result.output as { presigned?: PresignedRequest } | undefined)?.presigned;
    if (presigned) {
      const refusal = checkPresigned(presigned);
      if (refusal) throw new PresignRuleError(refusal);
    }
    return result;
  };
}

/**
 * S3's documented rules that the embedded engine lacks, as an SDK plugin: `client.middlewareStack.use(s3Rules(...))`.
 * Each rule and its AWS documentation: docs/s3-rules.md.
 */
export function s3Rules(options: RuleOptions): Pluggable<Any, Any> {
  return {
    applyToStack(stack) {
      stack.add(requestRules(options), {
        step: 'deserialize',
        priority: 'low',
        name: 's3RulesMiddleware',
        override: true,
      });
      stack.add(presignRules(), {
        step: 'initialize',
        priority: 'high',
        name: 's3PresignRulesMiddleware',
        override: true,
      });
    },
  };
}
