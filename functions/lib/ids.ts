import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** A time-sortable, URL-safe id: 10 chars of milliseconds then 16 random chars (80 bits). */
export function newId(now: Date = new Date()): string {
  let time = now.getTime();
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = alphabet[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const bytes = randomBytes(16);
  let tail = '';
  for (const b of bytes) tail += alphabet[b % 32];
  return head + tail;
}

/** A bearer secret of `bits` random bits (at least 128), base64url-encoded. */
export function newSecret(bits = 256): string {
  if (bits < 128) throw new RangeError('secrets need at least 128 bits');
  return randomBytes(Math.ceil(bits / 8)).toString('base64url');
}
