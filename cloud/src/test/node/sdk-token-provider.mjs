// The official WebAPI SDK's token provider, unchanged, obtaining a token from Tradeport as its identity server.
import { ClientCredentialsTokenProvider, OAuth2TokenError } from '@mywebapi.com/sdk';
import assert from 'node:assert/strict';

const env = (name) => { const v = process.env[name]; if (!v) throw new Error(`${name} is not set`); return v; };
const identityUrl = env('ISSUER');

const provider = new ClientCredentialsTokenProvider({
  clientId: env('API_CLIENT_ID'), clientSecret: env('API_CLIENT_SECRET'), identityUrl, allowInsecureLoopback: true,
});
const token = await provider.getToken();
const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url'));
assert.equal(claims.org_id, env('API_CLIENT_ORGANIZATION'));
assert.equal(claims.client_id ?? claims.sub, env('API_CLIENT_ID'));
// IdentityServer writes scope as a JSON array in access tokens; accept the space-separated string form too.
const scopes = Array.isArray(claims.scope) ? claims.scope : String(claims.scope).split(' ');
assert.ok(scopes.includes('webapi'), `scope was ${claims.scope}`);
assert.equal(await provider.getToken(), token, 'the provider caches the token until it expires');
console.log('ok - SDK token provider obtained a token');

const wrong = new ClientCredentialsTokenProvider({
  clientId: env('API_CLIENT_ID'), clientSecret: 'wrong', identityUrl, allowInsecureLoopback: true,
});
await assert.rejects(wrong.getToken(), (e) => e instanceof OAuth2TokenError && e.status === 401 && e.errorCode === 'invalid_client');
console.log('ok - SDK surfaces invalid_client for a wrong secret');
