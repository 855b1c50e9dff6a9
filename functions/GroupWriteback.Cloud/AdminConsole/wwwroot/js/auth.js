// Entra ID sign-in for the console: the authorization code flow with PKCE (S256) of a single-page application, in
// plain JS. GET /api/sign-in says where to sign in; the access token for the admin API is kept in this tab's
// sessionStorage until it expires or the user signs out, and sent as Authorization: Bearer.
const Stored = {
  token: 'groupwriteback.accessToken',
  expires: 'groupwriteback.accessTokenExpires',
  pending: 'groupwriteback.signIn',
};
// A token this close to its expiry is not used: the call could outlive it.
const ExpiryMarginMs = 60_000;

let configuration = null;

// { enabled, authority, clientId, scope } from the host; { enabled: false } when it has no Entra sign-in.
export async function signInConfig() {
  if (!configuration) {
    const response = await fetch('/api/sign-in', { headers: { Accept: 'application/json' } });
    configuration = response.ok ? await response.json() : { enabled: false };
  }

  return configuration;
}

export function accessToken() {
  const token = sessionStorage.getItem(Stored.token);
  const expires = Number(sessionStorage.getItem(Stored.expires) ?? 0);
  return token && Date.now() < expires - ExpiryMarginMs ? token : null;
}

export function signOut() {
  sessionStorage.removeItem(Stored.token);
  sessionStorage.removeItem(Stored.expires);
}

// Leaves for the authority's sign-in page; the page comes back to completeSignIn() with a code.
export async function signIn() {
  const { authority, clientId, scope } = await signInConfig();
  const metadata = await openIdMetadata(authority);
  const verifier = random(48);
  const state = random(16);
  sessionStorage.setItem(Stored.pending, JSON.stringify({ verifier, state, hash: location.hash, tokenEndpoint: metadata.token_endpoint }));
  const url = new URL(metadata.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: redirectUri(),
    scope,
    state,
    code_challenge: await challenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

// When the page is the authority's answer (?code=…&state=… or ?error=…), redeems the code for an access token.
// Answers false when the page was opened normally; throws when the answer is refused or not for this tab's sign-in.
export async function completeSignIn() {
  const answer = new URLSearchParams(location.search);
  if (!answer.has('code') && !answer.has('error')) return false;
  const pending = JSON.parse(sessionStorage.getItem(Stored.pending) ?? 'null');
  sessionStorage.removeItem(Stored.pending);
  // The code leaves the address bar and the history at once.
  history.replaceState(null, '', redirectUri() + (pending?.hash ?? ''));
  if (!pending || answer.get('state') !== pending.state) {
    throw new Error('The sign-in answer is not for the sign-in this tab started (state differs); sign in again.');
  }

  if (answer.has('error')) throw new Error(`Sign-in failed: ${answer.get('error_description') ?? answer.get('error')}`);
  const { clientId, scope } = await signInConfig();
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: clientId,
      grant_type: 'authorization_code',
      code: answer.get('code'),
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
      scope,
    }),
  });
  const tokens = await response.json().catch(() => ({}));
  if (!response.ok || !tokens.access_token) {
    throw new Error(`The sign-in was refused by the token endpoint: ${tokens.error_description ?? tokens.error ?? response.status}`);
  }

  sessionStorage.setItem(Stored.token, tokens.access_token);
  sessionStorage.setItem(Stored.expires, String(Date.now() + Number(tokens.expires_in ?? 3600) * 1000));
  return true;
}

async function openIdMetadata(authority) {
  const response = await fetch(`${authority}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`The sign-in authority's metadata answered ${response.status}.`);
  return response.json();
}

// The console's own address, ending in a slash (…/api/console/): what the app registration lists as a SPA redirect URI.
function redirectUri() {
  const path = location.pathname.endsWith('/') || /\.[a-z]+$/i.test(location.pathname) ? location.pathname : `${location.pathname}/`;
  return location.origin + path;
}

function random(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challenge(verifier) {
  return base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

function base64Url(buffer) {
  let text = '';
  for (const byte of new Uint8Array(buffer)) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
