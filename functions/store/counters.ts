import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from './dynamo';

/** The item of one counter: its key and the attribute that holds the count. */
export interface CounterKey {
  PK: string;
  SK: string;
}

/**
 * Takes one of `max` slots with a single conditional update, so concurrent takers never exceed
 * `max`. `existing` seeds a counter that does not exist yet (data written before it). False when full.
 */
export async function reserveCounted(
  table: Table,
  key: CounterKey,
  existing: number,
  max: number,
): Promise<boolean> {
  if (existing >= max) return false;
  try {
    await table.doc.send(
      new UpdateCommand({
        TableName: table.name,
        Key: key,
        UpdateExpression: 'SET #n = if_not_exists(#n, :base) + :one',
        ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
        ExpressionAttributeNames: { '#n': 'registered' },
        ExpressionAttributeValues: { ':base': existing, ':one': 1, ':max': max },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Gives a slot back (never below zero; an absent counter is left alone). */
export async function releaseCounted(table: Table, key: CounterKey): Promise<void> {
  try {
    await table.doc.send(
      new UpdateCommand({
        TableName: table.name,
        Key: key,
        UpdateExpression: 'SET #n = #n - :one',
        ConditionExpression: '#n > :zero',
        ExpressionAttributeNames: { '#n': 'registered' },
        ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
