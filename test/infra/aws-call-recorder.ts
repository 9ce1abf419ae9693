/**
 * Records every AWS call the code makes, per Lambda function, as the IAM action and resource it
 * needs. Sends are caught on the SDK's one `Client.prototype.send` (every service client and the
 * DynamoDB document client inherit it); presigned URLs through `recordPresign` (they are signed
 * with the function's role, so S3 authorizes the later PUT against it).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from '@smithy/core/client';
import { type RawSend, S3_STAND_INS } from './least-privilege-s3';

/**
 * SDK command → IAM action. S3 names differ from its API: HeadObject is authorized as GetObject,
 * the multipart calls as PutObject, ListParts as ListMultipartUploadParts, ListObjectsV2 as
 * ListBucket (Service Authorization Reference, "Actions defined by Amazon S3":
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html).
 * DynamoDB document-client commands need the item actions they wrap
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html).
 */
export const IAM_ACTION: Record<string, Record<string, string>> = {
  DynamoDB: {
    GetCommand: 'dynamodb:GetItem',
    GetItemCommand: 'dynamodb:GetItem',
    PutCommand: 'dynamodb:PutItem',
    PutItemCommand: 'dynamodb:PutItem',
    UpdateCommand: 'dynamodb:UpdateItem',
    UpdateItemCommand: 'dynamodb:UpdateItem',
    DeleteCommand: 'dynamodb:DeleteItem',
    DeleteItemCommand: 'dynamodb:DeleteItem',
    QueryCommand: 'dynamodb:Query',
    ScanCommand: 'dynamodb:Scan',
    BatchGetCommand: 'dynamodb:BatchGetItem',
    BatchGetItemCommand: 'dynamodb:BatchGetItem',
    BatchWriteCommand: 'dynamodb:BatchWriteItem',
    BatchWriteItemCommand: 'dynamodb:BatchWriteItem',
    TransactWriteCommand: 'dynamodb:TransactWriteItems',
    TransactGetCommand: 'dynamodb:TransactGetItems',
    DescribeTableCommand: 'dynamodb:DescribeTable',
    CreateTableCommand: 'dynamodb:CreateTable',
  },
  S3: {
    GetObjectCommand: 's3:GetObject',
    HeadObjectCommand: 's3:GetObject',
    PutObjectCommand: 's3:PutObject',
    CopyObjectCommand: 's3:PutObject',
    DeleteObjectCommand: 's3:DeleteObject',
    DeleteObjectsCommand: 's3:DeleteObject',
    CreateMultipartUploadCommand: 's3:PutObject',
    UploadPartCommand: 's3:PutObject',
    CompleteMultipartUploadCommand: 's3:PutObject',
    AbortMultipartUploadCommand: 's3:AbortMultipartUpload',
    ListPartsCommand: 's3:ListMultipartUploadParts',
    ListObjectsV2Command: 's3:ListBucket',
    ListObjectsCommand: 's3:ListBucket',
    HeadBucketCommand: 's3:ListBucket',
    ListObjectVersionsCommand: 's3:ListBucketVersions',
    ListMultipartUploadsCommand: 's3:ListBucketMultipartUploads',
  },
  SESv2: { SendEmailCommand: 'ses:SendEmail' },
  SFN: { StartExecutionCommand: 'states:StartExecution' },
  SQS: { SendMessageCommand: 'sqs:SendMessage' },
};

/** S3 calls on the bucket itself rather than on a key. */
const BUCKET_LEVEL = new Set([
  's3:ListBucket',
  's3:ListBucketVersions',
  's3:ListBucketMultipartUploads',
]);

/** One recorded call: the function, the IAM action and the resource it was on. */
export interface RecordedCall {
  fn: string;
  action: string;
  /**
   * `Table`, `<Bucket>` for bucket-level calls, `<Bucket>/<first key segment>/`, `SES`,
   * `StateMachine`, or the queue's logical id.
   */
  resource: string;
  command: string;
  input: Record<string, unknown>;
}

/** Names the recorder gives the stack's buckets (logical ids), by bucket name. */
export type BucketNames = Record<string, string>;

/** Logical ids of the stack's queues, by queue URL. */
export type QueueNames = Record<string, string>;

/** A message a function sent to a queue (answered locally, never sent). */
export interface SentMessage {
  fn: string;
  queueUrl: string;
  body: string;
}

const current = new AsyncLocalStorage<string>();
const calls: RecordedCall[] = [];
let sent: SentMessage[] = [];
let buckets: BucketNames = {};
let queues: QueueNames = {};

function resourceOf(service: string, action: string, input: Record<string, unknown>): string {
  if (service === 'DynamoDB') return 'Table';
  if (service === 'SESv2') return 'SES';
  if (service === 'SFN') return 'StateMachine';
  if (service === 'SQS') return queues[String(input.QueueUrl)] ?? `unknown queue ${input.QueueUrl}`;
  const bucket = buckets[String(input.Bucket)] ?? `unknown bucket ${String(input.Bucket)}`;
  if (BUCKET_LEVEL.has(action)) return bucket;
  return `${bucket}/${String(input.Key).split('/')[0]}/`;
}

/**
 * A call naming a version needs the version's action: GetObject (and HeadObject) with a VersionId
 * is authorized as s3:GetObjectVersion, a delete with one as s3:DeleteObjectVersion.
 */
function versioned(action: string, input: Record<string, unknown>): string {
  if (!input.VersionId) return action;
  if (action === 's3:GetObject') return 's3:GetObjectVersion';
  if (action === 's3:DeleteObject') return 's3:DeleteObjectVersion';
  return action;
}

/** Records `command` on a client of `service` for the function running now (none: not recorded). */
export function record(service: string, command: object): void {
  const fn = current.getStore();
  if (!fn) return;
  const name = command.constructor.name;
  const input = ((command as { input?: Record<string, unknown> }).input ?? {}) as Record<
    string,
    unknown
  >;
  const action = IAM_ACTION[service]?.[name] ?? `unmapped ${service}.${name}`;
  // DeleteObjects is authorized per key (and per version), like one DeleteObject each.
  const objects = (input.Delete as { Objects?: Record<string, unknown>[] } | undefined)?.Objects;
  for (const one of objects?.map((o) => ({ Bucket: input.Bucket, ...o })) ?? [input]) {
    const act = versioned(action, one);
    calls.push({ fn, action: act, resource: resourceOf(service, act, one), command: name, input });
  }
}

/** Answers of services the test has no engine for: the call is recorded, never sent. */
const stubbed: Record<string, (input: Record<string, unknown>) => unknown> = {
  SESv2: () => ({ MessageId: 'recorded' }),
  SFN: (input) => ({
    executionArn: `${String(input.stateMachineArn)}:${String(input.name)}`,
    startDate: new Date(),
  }),
  SQS: (input) => {
    const fn = current.getStore() ?? '';
    sent.push({ fn, queueUrl: String(input.QueueUrl), body: String(input.MessageBody) });
    return { MessageId: `recorded-${sent.length}` };
  },
};

let original: typeof Client.prototype.send | undefined;

/**
 * Installs the recorder (once); `names` maps bucket names to the stack's bucket logical ids,
 * `queueNames` queue URLs to its queues' logical ids.
 */
export function installRecorder(names: BucketNames, queueNames: QueueNames = {}): void {
  buckets = names;
  queues = queueNames;
  if (original) return;
  const send = Client.prototype.send;
  original = send;
  Client.prototype.send = function recordedSend(
    this: Client<never, never, never, never>,
    command: never,
    ...rest: never[]
  ) {
    const service = String((this.config as { serviceId?: string }).serviceId);
    record(service, command);
    const input = (command as { input: Record<string, unknown> }).input;
    const stub = current.getStore() ? stubbed[service] : undefined;
    if (stub) return Promise.resolve(stub(input));
    const raw: RawSend = (c) =>
      (send as (c: object) => Promise<Record<string, unknown>>).call(this, c);
    const standIn =
      current.getStore() && service === 'S3'
        ? S3_STAND_INS[(command as object).constructor.name]
        : undefined;
    if (standIn) return standIn(input, raw, (command as object).constructor as never);
    return (send as (...args: unknown[]) => unknown).call(this, command, ...rest);
  } as typeof send;
}

/** Puts the SDK's own `send` back. */
export function uninstallRecorder(): void {
  if (original) Client.prototype.send = original;
  original = undefined;
}

/** Runs `work` as function `fn`: every AWS call inside it (awaited or not) is recorded as its call. */
export function asFunction<T>(fn: string, work: () => Promise<T>): Promise<T> {
  return current.run(fn, work);
}

/** Everything recorded so far. */
export function recordedCalls(): readonly RecordedCall[] {
  return calls;
}

/** The messages sent to `queueUrl` since the last take, oldest first; they leave the queue. */
export function takeMessages(queueUrl: string): SentMessage[] {
  const mine = sent.filter((m) => m.queueUrl === queueUrl);
  sent = sent.filter((m) => m.queueUrl !== queueUrl);
  return mine;
}
