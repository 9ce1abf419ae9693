/** Sets up an invitation link that has expired, through the API and the local-only dev clock. */

async function api<T>(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Creates an assessment with an invitation, then moves the portal's clock a day past the link's
 * expiry. Returns the link and a function that puts the clock back.
 */
export async function expiredInvitation(
  base: string,
): Promise<{ link: string; restore: () => Promise<void> }> {
  const { token } = await api<{ token: string }>(base, 'POST', '/api/dev/session', undefined, {
    email: 'pat@demo.test',
    role: 'procurement',
  });
  const a = await api<{ id: string }>(base, 'POST', '/api/assessments', token, {
    vendor: { name: 'Late Vendor', contactEmail: 'late@vendor.test' },
    dataset: { name: 'Old corpus', intendedUse: 'fine-tuning' },
    templateId: 'ai-training-data',
    dueAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
  });
  const invite = await api<{ inviteUrl: string; expiresAt: string }>(
    base,
    'POST',
    `/api/assessments/${a.id}/invitations`,
    token,
  );
  const days = (Date.parse(invite.expiresAt) - Date.now()) / 86_400_000 + 1;
  // Only admins may move the portal's clock.
  const admin = await api<{ token: string }>(base, 'POST', '/api/dev/session', undefined, {
    email: 'ada@demo.test',
    role: 'admin',
  });
  await api(base, 'PUT', '/api/dev/clock', admin.token, { offsetDays: days });
  return {
    link: invite.inviteUrl,
    restore: async () => {
      await api(base, 'PUT', '/api/dev/clock', admin.token, { offsetDays: 0 });
    },
  };
}
