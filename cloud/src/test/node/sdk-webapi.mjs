// The official WebAPI SDK, unchanged, against Tradeport: env "custom" with our API base URL and authority.
import { CPluginWebApiClient, ApiError, collectAll } from '@mywebapi.com/sdk';
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

const common = await client.mt4.getCfgRequestCommon(env('PLATFORM'));
assert.ok(typeof common.name === 'string' && common.name.length > 0, JSON.stringify(common));
console.log('ok - getCfgRequestCommon', common.name);

await assert.rejects(client.mt4.getServerTime(env('FOREIGN_PLATFORM')), (e) => {
  assert.ok(e instanceof ApiError, String(e));
  assert.equal(e.code, 'Forbidden');
  assert.match(e.activityId, /^[0-9a-f]{32}$/);
  return true;
});
console.log('ok - ApiError with code and activityId for another organization\'s platform');

await assert.rejects(client.mt4.getUserRecordGetLogin(env('PLATFORM'), 99999999), (e) => {
  assert.ok(e instanceof ApiError, String(e));
  assert.equal(e.code, 'NotFound');
  assert.match(e.activityId, /^[0-9a-f]{32}$/);
  return true;
});
console.log('ok - ApiError NotFound with activityId for a bogus login');

// Trading with a client that has the "trade" scope; a retried deposit with one Idempotency-Key is applied once.
const trader = new CPluginWebApiClient({
  env: 'custom', apiBaseUrl: env('API_BASE_URL'), authority: env('AUTHORITY'), allowInsecureLoopback: true,
  clientId: env('TRADER_ID'), clientSecret: env('TRADER_SECRET'),
});
const key = { headers: { 'Idempotency-Key': `deposit-${Date.now()}` } };
const deposit = { tradeTransactionType: 'BalanceAdd', tradeCommand: 'Balance', orderBy: 1001, price: 500, comment: 'sdk deposit' };
const balanceBefore = (await trader.mt4.getUserRecordRequestLogin(env('PLATFORM'), 1001)).balance;
const first = await trader.mt4.postTradeTransaction(env('PLATFORM'), deposit, key);
const again = await trader.mt4.postTradeTransaction(env('PLATFORM'), deposit, key);
assert.ok(first.order > 0);
assert.equal(again.order, first.order, 'the retry answers the first result');
const balanceAfter = (await trader.mt4.getUserRecordRequestLogin(env('PLATFORM'), 1001)).balance;
assert.equal(balanceAfter, balanceBefore + 500, 'the deposit was applied once');
console.log('ok - retried deposit applied once, ticket', first.order);

const open = await trader.mt4.postTradeTransaction(env('PLATFORM'),
  { tradeTransactionType: 'OpenMarket', tradeCommand: 'Buy', orderBy: 1001, symbol: 'EURUSD', volume: 10 },
  { headers: { 'Idempotency-Key': `open-${Date.now()}` } });
assert.ok(open.order > 0);
await trader.mt4.postTradeTransaction(env('PLATFORM'), { tradeTransactionType: 'CloseMarket', order: open.order, volume: 10 },
  { headers: { 'Idempotency-Key': `close-${Date.now()}` } });
console.log('ok - market order opened and closed, ticket', open.order);

await assert.rejects(client.mt4.postTradeTransaction(env('PLATFORM'), deposit), (e) => e instanceof ApiError && e.code === 'Forbidden');
console.log('ok - a client without the trade scope cannot trade');

// Paging through open trades with the SDK's collectAll.
for (let i = 0; i < 3; i++) {
  await trader.mt4.postTradeTransaction(env('PLATFORM'), { tradeTransactionType: 'OpenMarket', tradeCommand: 'Sell', orderBy: 1001, symbol: 'EURUSD', volume: 1 });
}
let all = [];
for (let attempt = 0; attempt < 50 && all.length < 3; attempt++) {
  all = await collectAll((cursor) => trader.paged(() => trader.mt4.getTradesGet(env('PLATFORM'), { limit: 1, ...(cursor ? { cursor } : {}) })));
  if (all.length < 3) await new Promise((r) => setTimeout(r, 200));
}
assert.ok(all.length >= 3, `collected ${all.length}`);
assert.equal(new Set(all.map((t) => t.order)).size, all.length, 'no trade twice across pages');
console.log('ok - collectAll over open trades,', all.length, 'trades in pages of 1');
