export {};

/**
 * Starts Swagger UI on /api/docs against this portal's OpenAPI document and, locally, offers a
 * dev token for "try it" (the demo users of POST /api/dev/session).
 */

interface SwaggerUi {
  preauthorizeApiKey(name: string, value: string): void;
}
type SwaggerBundle = ((options: Record<string, unknown>) => SwaggerUi) & {
  presets: { apis: unknown };
};
interface DemoUser {
  email: string;
  name: string;
  role: string;
  organizationId: string;
}

const bundle = (globalThis as unknown as { SwaggerUIBundle: SwaggerBundle }).SwaggerUIBundle;
const ui = bundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  tryItOutEnabled: true,
  displayOperationId: true,
  // No validator badge: it would call a server outside this origin.
  validatorUrl: null,
  presets: [bundle.presets.apis],
  layout: 'BaseLayout',
});

const statusLine = document.getElementById('docs-status') as HTMLElement;
const picker = document.getElementById('dev-user') as HTMLSelectElement;
const button = document.getElementById('dev-token') as HTMLButtonElement;

async function offerDevTokens(): Promise<void> {
  const config = (await (await fetch('/api/config')).json()) as { mode: string };
  if (config.mode !== 'local') return;
  const res = await fetch('/api/dev/users');
  if (!res.ok) return;
  const { items } = (await res.json()) as { items: DemoUser[] };
  for (const [i, user] of items.entries()) {
    picker.add(new Option(`${user.name} (${user.role}, ${user.organizationId})`, String(i)));
  }
  picker.hidden = false;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const user = items[Number(picker.value)];
    if (!user) return;
    const session = await fetch('/api/dev/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: user.email,
        role: user.role,
        organizationId: user.organizationId,
      }),
    });
    if (!session.ok) {
      statusLine.textContent = `Could not get a dev token (HTTP ${session.status}).`;
      return;
    }
    const { token } = (await session.json()) as { token: string };
    ui.preauthorizeApiKey('staffJwt', token);
    statusLine.textContent = `Signed in as ${user.email}: "Try it out" now sends this token.`;
  });
}

offerDevTokens().catch(() => {
  statusLine.textContent = 'Dev tokens are unavailable; paste a token under Authorize.';
});
