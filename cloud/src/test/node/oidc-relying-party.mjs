// A relying party nobody here wrote (openid-client, OpenID certified) against a running Tradeport.
// Drives: discovery, client credentials, authorization code + PKCE with a scripted sign-in, userinfo,
// refresh-token rotation and reuse detection, RP-initiated logout. Exits non-zero on the first failed check.
import * as client from 'openid-client';
import assert from 'node:assert/strict';

const env = (name) => { const v = process.env[name]; if (!v) throw new Error(`${name} is not set`); return v; };
const issuer = new URL(env('ISSUER'));
const step = (name) => console.log(`ok - ${name}`);
const insecure = { execute: [client.allowInsecureRequests] };

// 1. Discovery
const api = await client.discovery(issuer, env('API_CLIENT_ID'), env('API_CLIENT_SECRET'), undefined, insecure);
assert.equal(api.serverMetadata().issuer, issuer.href.replace(/\/$/, ''));
assert.equal(new URL(api.serverMetadata().token_endpoint).pathname, '/connect/token');
step('discovery');

// 2. Client credentials (client_secret_post, openid-client's default)
const cc = await client.clientCredentialsGrant(api, { scope: 'webapi' });
assert.equal(cc.token_type.toLowerCase(), 'bearer');
assert.ok(cc.expires_in > 0);
const ccClaims = JSON.parse(Buffer.from(cc.access_token.split('.')[1], 'base64url'));
assert.equal(ccClaims.org_id, env('API_CLIENT_ORGANIZATION'));
step('client credentials');

// 3. Authorization code + PKCE, with a cookie-keeping scripted browser for the sign-in form
const app = await client.discovery(issuer, env('APP_CLIENT_ID'), env('APP_CLIENT_SECRET'), client.ClientSecretBasic(env('APP_CLIENT_SECRET')), insecure);
const redirectUri = env('APP_REDIRECT_URI');
const verifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const nonce = client.randomNonce();
const authorizationUrl = client.buildAuthorizationUrl(app, {
  redirect_uri: redirectUri, scope: 'openid email profile',
  code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', state, nonce,
});

const cookies = new Map();
async function browse(url, init = {}) {
  const headers = { ...(init.headers ?? {}), Accept: 'text/html', Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  const res = await fetch(url, { ...init, headers, redirect: 'manual' });
  for (const cookie of res.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const at = pair.indexOf('=');
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return res;
}
const absolute = (location) => new URL(location, issuer).href;

let res = await browse(authorizationUrl.href);
assert.equal(res.status, 302);
assert.match(res.headers.get('location'), /\/login$/);
const loginPage = await (await browse(absolute('/login'))).text();
const csrf = loginPage.match(/name="_csrf" value="([^"]+)"/)[1];
res = await browse(absolute('/login'), {
  method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ _csrf: csrf, email: env('USER_EMAIL'), password: env('USER_PASSWORD') }),
});
assert.equal(res.status, 302);
res = await browse(absolute(res.headers.get('location')));
assert.equal(res.status, 302, 'the authorization endpoint continues after sign-in');
const callback = new URL(res.headers.get('location'));
assert.equal(callback.origin + callback.pathname, redirectUri);

const tokens = await client.authorizationCodeGrant(app, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
const claims = tokens.claims();
assert.equal(claims.sub, env('USER_ID'));
assert.equal(claims.email, env('USER_EMAIL'));
assert.ok(Array.isArray(claims.organizations) && claims.organizations.length === 1, 'first-party apps see the organizations');
assert.deepEqual(claims.organizations[0].permissions, ['administrator']);
const accessClaims = JSON.parse(Buffer.from(tokens.access_token.split('.')[1], 'base64url'));
assert.equal(accessClaims.sub, env('USER_ID'));
assert.equal(accessClaims.email, env('USER_EMAIL'));
assert.ok(tokens.refresh_token, 'a refresh token is issued');
step('authorization code + PKCE');

const userinfo = await client.fetchUserInfo(app, tokens.access_token, claims.sub);
assert.equal(userinfo.email, env('USER_EMAIL'));
assert.equal(userinfo.organizations[0].id, claims.organizations[0].id);
step('userinfo');

// 4. RP-initiated logout ends the SSO session and returns to the registered URI
const endSession = client.buildEndSessionUrl(app, { id_token_hint: tokens.id_token, post_logout_redirect_uri: env('APP_POST_LOGOUT_URI'), state: 'bye' });
res = await browse(endSession.href);
if (res.status === 200) {
  // SAS may ask the browser to confirm with a form post; submit it like a browser would
  const form = await res.text();
  const action = form.match(/action="([^"]+)"/)?.[1];
  const fields = Object.fromEntries([...form.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2].replaceAll('&amp;', '&')]));
  res = await browse(absolute(action), { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
}
assert.equal(res.status, 302);
assert.ok(res.headers.get('location').startsWith(env('APP_POST_LOGOUT_URI')), res.headers.get('location'));
res = await browse(absolute('/account'));
assert.equal(res.status, 302);
assert.match(res.headers.get('location'), /\/login/);
step('RP-initiated logout');

// 5. Refresh with rotation (independent of the browser session that just ended); replaying a rotated-away refresh token revokes the whole family
const refreshed = await client.refreshTokenGrant(app, tokens.refresh_token);
assert.ok(refreshed.access_token);
assert.notEqual(refreshed.refresh_token, tokens.refresh_token, 'refresh tokens rotate');
step('refresh with rotation');
await assert.rejects(client.refreshTokenGrant(app, tokens.refresh_token), (e) => e.error === 'invalid_grant');
await assert.rejects(client.refreshTokenGrant(app, refreshed.refresh_token), (e) => e.error === 'invalid_grant',
  'after a replay the newest refresh token is revoked too');
step('refresh token reuse detected and family revoked');

// A code works once
await assert.rejects(client.authorizationCodeGrant(app, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce }),
  (e) => e.error === 'invalid_grant');
step('authorization code replay refused');

