// The official WebAPI SDK, unchanged, against Tradeport: env "custom" with our API base URL and authority.
import { CPluginWebApiClient, ApiError } from '@mywebapi.com/sdk';
import assert from 'node:assert/strict';

const env = (name) => { const v = process.env[name]; if (!v) throw new Error(`${name} is not set`); return v; };
const client = new CPluginWebApiClient({
  env: 'custom', apiBaseUrl: env('API_BASE_URL'), authority: env('AUTHORITY'), allowInsecureLoopback: true,
  clientId: env('CLIENT_ID'), clientSecret: env('CLIENT_SECRET'),
});

const platforms = await client.listTradePlatforms();
assert.ok(platforms.some((p) => p.id === env('PLATFORM') && p.type === 'MT4'), JSON.stringify(platforms));
console.log('ok - listTradePlatforms');

const time = await client.mt4.getServerTime(env('PLATFORM'));
assert.match(String(time), /^\d{4}-\d{2}-\d{2}T/);
console.log('ok - getServerTime', time);

await assert.rejects(client.mt4.getServerTime(env('FOREIGN_PLATFORM')), (e) => {
  assert.ok(e instanceof ApiError, String(e));
  assert.equal(e.code, 'Forbidden');
  assert.match(e.activityId, /^[0-9a-f]{32}$/);
  return true;
});
console.log('ok - ApiError with code and activityId for another organization\'s platform');
