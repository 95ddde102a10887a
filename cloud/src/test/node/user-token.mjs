// A user's sign-in through a relying party nobody here wrote (openid-client): authorization code + PKCE with
// scope "webapi", scripted like a browser. Prints the access token for the caller to use against the WebAPI.
import * as client from 'openid-client';
import assert from 'node:assert/strict';

const env = (name) => { const v = process.env[name]; if (!v) throw new Error(`${name} is not set`); return v; };
const issuer = new URL(env('ISSUER'));
const app = await client.discovery(issuer, env('APP_CLIENT_ID'), env('APP_CLIENT_SECRET'), client.ClientSecretBasic(env('APP_CLIENT_SECRET')),
  { execute: [client.allowInsecureRequests] });
const verifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const authorizationUrl = client.buildAuthorizationUrl(app, {
  redirect_uri: env('APP_REDIRECT_URI'), scope: 'openid webapi', state,
  code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
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
const loginPage = await (await browse(absolute('/login'))).text();
const csrf = loginPage.match(/name="_csrf" value="([^"]+)"/)[1];
res = await browse(absolute('/login'), {
  method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ _csrf: csrf, email: env('USER_EMAIL'), password: env('USER_PASSWORD') }),
});
assert.equal(res.status, 302, 'signed in');
res = await browse(absolute(res.headers.get('location')));
assert.equal(res.status, 302, 'the authorization endpoint continues after sign-in');
const tokens = await client.authorizationCodeGrant(app, new URL(res.headers.get('location')), { pkceCodeVerifier: verifier, expectedState: state });
console.log(`token ${tokens.access_token}`);
