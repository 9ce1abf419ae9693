/** Integrations (admins): API tokens and signed webhooks. */
import { TokenSection } from './token-section';
import { WebhookSection } from './webhook-section';

/** The integrations page: tokens for scripts, webhooks for chat and ticketing systems. */
export function IntegrationsPage() {
  return (
    <>
      <h1>Integrations</h1>
      <p class="lead">
        Let scripts call Diligence with a token, and tell other systems what happened with webhooks.
      </p>
      <TokenSection />
      <WebhookSection />
    </>
  );
}
