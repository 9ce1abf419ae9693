import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { contactKeys, isFence } from './contact-keys';
import { getItem, stripKeys, type Table } from './dynamo-read';

/**
 * The guards that keep an assessment's contacts within their limits and each e-mail address once,
 * with single-item conditional writes only (dynalite has no transactions):
 * - an e-mail claim per (assessment, lower-cased address), naming the contact it reserves the
 *   address for; created if absent, taken over by compare-and-set on `version`, released by
 *   setting `releasedAt` (items are never deleted);
 * - a slots item per assessment: `live` maps each contact holding one of the places to when it
 *   took it, `ever` counts every contact added; a place is taken with one conditional update
 *   (`size(live) < max AND ever < maxEver`);
 * - a fence: an item at an abandoned add's contact key, so that contact can never be written late.
 */

/** One e-mail address reserved for one contact of an assessment. */
export interface EmailClaim {
  contactId: string;
  /** The contact's name when claimed (for the message while its add is in flight). */
  name: string;
  email: string;
  /** When it was claimed (ISO). */
  at: string;
  /** Set when the contact gave the address up (removed, or changed its e-mail). */
  releasedAt: string | null;
  version: number;
}

/** The places of one assessment's contacts. */
export interface ContactSlots {
  /** Contact id → when it took its place (ISO): contacts not removed, and adds in flight. */
  live: Record<string, string>;
  /** Contacts ever added, removed ones included. */
  ever: number;
}

const conditionFailed = (error: unknown) => error instanceof ConditionalCheckFailedException;

/** Runs a conditional write: false when its condition did not hold. */
async function conditional(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/** The guard items of vendor contacts (see the module comment). */
export function contactGuards(table: Table) {
  const pk = contactKeys.pk;
  const claimItem = (org: string, assessmentId: string, c: EmailClaim) => ({
    PK: pk(org),
    SK: contactKeys.claim(assessmentId, c.email),
    ...c,
  });
  const slotsKey = (org: string, assessmentId: string) => ({
    PK: pk(org),
    SK: contactKeys.slots(assessmentId),
  });
  return {
    /** The claim of `email` (any case), or undefined when it was never claimed. */
    async getClaim(org: string, assessmentId: string, email: string) {
      const item = await getItem(table, pk(org), contactKeys.claim(assessmentId, email));
      return item ? stripKeys<EmailClaim>(item) : undefined;
    },
    /** Creates the claim if the address was never claimed; false when it was. */
    createClaim: (org: string, assessmentId: string, c: EmailClaim) =>
      conditional(() =>
        table.doc.send(
          new PutCommand({
            TableName: table.name,
            Item: claimItem(org, assessmentId, c),
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        ),
      ),
    /** Replaces the claim only while its stored version is `c.version - 1`; false otherwise. */
    replaceClaim: (org: string, assessmentId: string, c: EmailClaim) =>
      conditional(() =>
        table.doc.send(
          new PutCommand({
            TableName: table.name,
            Item: claimItem(org, assessmentId, c),
            ConditionExpression: '#v = :expected',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':expected': c.version - 1 },
          }),
        ),
      ),
    /**
     * Releases `email` if its claim still names `contactId` (and was made at `at`, when given);
     * otherwise leaves it alone. Never creates a claim.
     */
    releaseClaim: (
      org: string,
      assessmentId: string,
      email: string,
      contactId: string,
      releasedAt: string,
      at?: string,
    ) =>
      conditional(() =>
        table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: { PK: pk(org), SK: contactKeys.claim(assessmentId, email) },
            UpdateExpression: 'SET releasedAt = :now, #v = #v + :one',
            ConditionExpression: `contactId = :id${at ? ' AND #at = :at' : ''}`,
            ExpressionAttributeNames: { '#v': 'version', ...(at ? { '#at': 'at' } : {}) },
            ExpressionAttributeValues: {
              ':now': releasedAt,
              ':one': 1,
              ':id': contactId,
              ...(at ? { ':at': at } : {}),
            },
          }),
        ),
      ),
    /** The assessment's slots item, or undefined before its first guarded change. */
    async getSlots(org: string, assessmentId: string) {
      const item = await getItem(table, pk(org), contactKeys.slots(assessmentId));
      return item ? stripKeys<ContactSlots>(item) : undefined;
    },
    /** Creates the slots item unless one exists (two seeders never both count); false if one did. */
    seedSlots: (org: string, assessmentId: string, slots: ContactSlots) =>
      conditional(() =>
        table.doc.send(
          new PutCommand({
            TableName: table.name,
            Item: { ...slotsKey(org, assessmentId), ...slots },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        ),
      ),
    /**
     * Gives `contactId` a place, taken at `at`, while fewer than `max` hold one and fewer than
     * `maxEver` were ever added; false when the assessment is full (or has no slots item yet).
     */
    takeSlot: (
      org: string,
      assessmentId: string,
      contactId: string,
      at: string,
      max: number,
      maxEver: number,
    ) =>
      conditional(() =>
        table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: slotsKey(org, assessmentId),
            UpdateExpression: 'SET live.#id = :at, ever = ever + :one',
            ConditionExpression:
              'attribute_exists(live) AND attribute_not_exists(live.#id) AND size(live) < :max AND ever < :maxEver',
            ExpressionAttributeNames: { '#id': contactId },
            ExpressionAttributeValues: { ':at': at, ':one': 1, ':max': max, ':maxEver': maxEver },
          }),
        ),
      ),
    /** Frees the place of a removed contact (it still counts as ever added). Idempotent. */
    freeSlot: (org: string, assessmentId: string, contactId: string) =>
      conditional(() =>
        table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: slotsKey(org, assessmentId),
            UpdateExpression: 'REMOVE live.#id',
            ConditionExpression: 'attribute_exists(live.#id)',
            ExpressionAttributeNames: { '#id': contactId },
          }),
        ),
      ),
    /**
     * Gives back the place an add took at `at` whose contact was never written: it no longer counts
     * as ever added either. Only once (a second call finds no place).
     */
    dropSlot: (org: string, assessmentId: string, contactId: string, at: string) =>
      conditional(() =>
        table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: slotsKey(org, assessmentId),
            UpdateExpression: 'REMOVE live.#id SET ever = ever - :one',
            ConditionExpression: 'live.#id = :at',
            ExpressionAttributeNames: { '#id': contactId },
            ExpressionAttributeValues: { ':at': at, ':one': 1 },
          }),
        ),
      ),
    /**
     * Fences the contact id of an abandoned add: an item at its key, so a late write of that
     * contact fails. True when it is fenced (now or before); false when the contact exists.
     */
    async fence(org: string, assessmentId: string, contactId: string, at: string) {
      const key = { PK: pk(org), SK: contactKeys.sk(assessmentId, contactId) };
      const fenced = await conditional(() =>
        table.doc.send(
          new PutCommand({
            TableName: table.name,
            Item: { ...key, fencedAt: at },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        ),
      );
      if (fenced) return true;
      const item = await getItem(table, key.PK, key.SK);
      return item !== undefined && isFence(item);
    },
  };
}

/** The contact guards' type. */
export type ContactGuards = ReturnType<typeof contactGuards>;
