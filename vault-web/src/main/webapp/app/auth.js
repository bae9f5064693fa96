// Sign-in with OpenID Connect (authorization code + PKCE) through oidc-client-ts, against the issuer the
// vault names at api/v1/console/config. No server-side session: the tokens live in this tab's
// sessionStorage; the access token is renewed with the refresh token before it expires.

const base = new URL('.', document.baseURI).href; // .../pulsevault/ : the redirect target, never a route
let manager;
let config;

export async function start() {
  const answer = await fetch('api/v1/console/config', { headers: { Accept: 'application/json' } });
  if (!answer.ok) throw new Error(`The vault's console configuration is not available (HTTP ${answer.status}).`);
  config = await answer.json();
  manager = new oidc.UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    scope: config.scope,
    redirect_uri: base,
    post_logout_redirect_uri: base,
    response_type: 'code',
    automaticSilentRenew: true,
    monitorSession: false,
    userStore: new oidc.WebStorageStateStore({ store: window.sessionStorage }),
  });
  manager.events.addSilentRenewError(() => { window.dispatchEvent(new CustomEvent('pv:signed-out')); });
  const params = new URLSearchParams(location.search);
  if (params.has('code') && params.has('state')) {
    const user = await manager.signinRedirectCallback();
    // back to the route the sign-in started from; the code and state leave the address bar and the history
    history.replaceState(null, '', base + ((user.state && user.state.route) || ''));
  } else if (params.has('error')) {
    history.replaceState(null, '', base);
    throw new Error('The sign-in was not completed. Try again.');
  }
  return user();
}

/** The signed-in user (oidc-client-ts User) or null. */
export async function user() {
  const u = await manager.getUser();
  return u && !u.expired ? u : (u && u.refresh_token ? renew() : null);
}

async function renew() {
  try {
    return await manager.signinSilent();
  } catch {
    return null;
  }
}

/** A valid access token, renewed when it has expired; null when the user must sign in again. */
export async function token() {
  const u = await user();
  return u ? u.access_token : null;
}

export async function refreshed() {
  const u = await renew();
  return u ? u.access_token : null;
}

export function signIn() {
  return manager.signinRedirect({ state: { route: location.hash } }); // none: the role's first page
}

export async function signOut() {
  const u = await manager.getUser();
  await manager.removeUser();
  sessionStorage.clear();
  // interrupted uploads' resume records (a hashed fingerprint and the upload's URL) stay with the person who signed in
  Object.keys(localStorage).filter((k) => k.startsWith('tus::')).forEach((k) => localStorage.removeItem(k));
  return manager.signoutRedirect({ id_token_hint: u ? u.id_token : undefined });
}

export function issuerOrigin() {
  return config ? new URL(config.issuer).origin : null;
}
