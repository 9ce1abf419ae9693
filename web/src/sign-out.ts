/** Ending a staff session: the tab's token and, in AWS mode, the Cognito hosted session too. */

/**
 * Cognito's sign-out endpoint for this app client: it ends the hosted sign-in session (so the
 * next sign-in asks for the password and code again) and returns to `<origin>/signin`, which the
 * stack registers as a sign-out URL. https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html
 */
export function cognitoLogoutUrl(cognito: { domain: string; clientId: string }, origin: string) {
  const domain = cognito.domain.startsWith('http') ? cognito.domain : `https://${cognito.domain}`;
  const params = new URLSearchParams({
    client_id: cognito.clientId,
    logout_uri: `${origin}/signin`,
  });
  return `${domain}/logout?${params}`;
}

/**
 * Where the browser goes after the tab's token is cleared: Cognito's /logout when the portal signs
 * staff in through Cognito, else straight to the sign-in page.
 */
export function signOutTarget(
  cognito: { domain: string; clientId: string } | undefined,
  origin: string,
): { external: string } | { page: string } {
  return cognito ? { external: cognitoLogoutUrl(cognito, origin) } : { page: '/signin' };
}
