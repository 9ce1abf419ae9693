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
  // Deep links render each operation's path as a link inside its toggle button (nested
  // interactive controls, which screen readers and axe reject); the operation ids stay visible.
  deepLinking: false,
  tryItOutEnabled: true,
  displayOperationId: true,
  // No validator badge: it would call a server outside this origin.
  validatorUrl: null,
  presets: [bundle.presets.apis],
  layout: 'BaseLayout',
});

const statusLine = document.getElementById('docs-status') as HTMLElement;

/** Swagger UI renders its server picker without a label: name it (and keep naming re-renders). */
function nameUnlabelledControls(): void {
  for (const select of document.querySelectorAll<HTMLSelectElement>('#swagger-ui select')) {
    if (select.getAttribute('aria-label')) continue;
    // A label wrapping only the select reads the options out, not a name.
    const own = (l: HTMLLabelElement) =>
      (l.textContent ?? '').replace(select.textContent ?? '', '').trim();
    if ([...(select.labels ?? [])].some((l) => own(l) && !l.hidden)) continue;
    if (select.id === 'servers') select.setAttribute('aria-label', 'Server');
    else if (select.closest('.content-type-wrapper, .response-control-media-type'))
      select.setAttribute('aria-label', 'Media type');
    else select.setAttribute('aria-label', select.getAttribute('title') ?? 'Choose a value');
  }
}
const swaggerRoot = document.getElementById('swagger-ui');
if (swaggerRoot) {
  new MutationObserver(nameUnlabelledControls).observe(swaggerRoot, {
    childList: true,
    subtree: true,
  });
}
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
  const label = document.querySelector<HTMLLabelElement>('label[for="dev-user"]');
  if (label) label.hidden = false;
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
