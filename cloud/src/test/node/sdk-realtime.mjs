// The official SDK's realtime client, unchanged, against Tradeport's /hubs/mt4/v2 and /hubs/mt5/v2.
import { CPluginWebApiClient, MT4V2SignalRClient, MT5V2SignalRClient } from '@mywebapi.com/sdk';
import assert from 'node:assert/strict';

const env = (name) => { const v = process.env[name]; if (!v) throw new Error(`${name} is not set`); return v; };
const platform = env('PLATFORM');
const credentials = { clientId: env('CLIENT_ID'), clientSecret: env('CLIENT_SECRET') };
const rest = new CPluginWebApiClient({ env: 'custom', apiBaseUrl: env('API_BASE_URL'), authority: env('AUTHORITY'),
  allowInsecureLoopback: true, ...credentials });
const realtime = (Client, tradePlatform) => new Client({ baseUrl: env('API_BASE_URL'), tradePlatform, identityUrl: env('AUTHORITY'),
  allowInsecureLoopback: true, reconnect: false, ...credentials });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(what, check, seconds = 20) {
  for (let waited = 0; waited < seconds * 10; waited++) {
    const found = check();
    if (found) return found;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

// Reads a stream until an item matches; the change that should cause it is made once the stream runs, and again
// every 2 s in case the first happened before the server attached the stream. Breaking out cancels it.
async function firstMatching(what, stream, matches, change) {
  const iterator = stream[Symbol.asyncIterator]();
  let changes = 0;
  const timer = setInterval(() => { changes++; change().catch((e) => console.log('change failed', e.message)); }, 2000);
  try {
    await change();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const { value, done } = await iterator.next();
      if (done) throw new Error(`${what}: stream ended`);
      if (matches(value)) return value;
    }
    throw new Error(`timed out waiting for ${what} after ${changes} changes`);
  } finally {
    clearInterval(timer);
    await iterator.return?.();
  }
}

const mt4 = realtime(MT4V2SignalRClient, platform);
const statuses = [];
const ticks = [];
mt4.onConnectionStatus((status) => statuses.push(status));
mt4.onTick((tick) => ticks.push(tick));
await mt4.start();
await eventually('OnConnectionStatus', () => statuses.length > 0);
assert.equal(statuses[0].connected, true, JSON.stringify(statuses));
console.log('ok - connected, OnConnectionStatus', JSON.stringify(statuses[0]));

await mt4.subscribeToTicks('EURUSD');
const pushed = await eventually('an OnTick for EURUSD', () => ticks.find((tick) => tick.symbol === 'EURUSD'));
assert.ok(pushed.bid > 0 && pushed.ask > 0 && pushed.ask >= pushed.bid, JSON.stringify(pushed));
assert.ok(!Number.isNaN(new Date(pushed.lastTime).getTime()), JSON.stringify(pushed));
console.log('ok - OnTick after SubscribeToTicks', JSON.stringify(pushed));
await mt4.unsubscribeFromTicks('EURUSD');

for await (const tick of mt4.streamTicks('EURUSD')) {
  assert.equal(tick.symbol, 'EURUSD');
  assert.ok(tick.bid > 0 && tick.ask > 0);
  console.log('ok - StreamTicks(EURUSD) first item, then break', JSON.stringify(tick));
  break;
}
for await (const tick of mt4.streamTicks()) {
  assert.ok(tick.symbol && tick.bid > 0);
  console.log('ok - StreamTicks() with no symbol', tick.symbol);
  break;
}

let opened;
const trade = await firstMatching('a trade update', mt4.streamTrades(), (item) => opened && item.order === opened.order, async () => {
  opened = await rest.mt4.postTradeTransaction(platform, { tradeTransactionType: 'OpenMarket', tradeCommand: 'Buy', orderBy: 1002,
    symbol: 'EURUSD', volume: 1 });
});
assert.equal(trade.login, 1002);
assert.equal(trade.symbol, 'EURUSD');
assert.ok(['Added', 'Updated'].includes(trade.kind), trade.kind);
console.log('ok - StreamTrades item for the opened trade', trade.kind, trade.order);

const user = await firstMatching('a user update', mt4.streamUserUpdates(), (item) => item.login === 1002, () =>
  rest.mt4.postTradeTransaction(platform, { tradeTransactionType: 'BalanceAdd', orderBy: 1002, price: 1, comment: 'realtime' }));
assert.equal(user.kind, 'Updated');
console.log('ok - StreamUserUpdates item after a deposit', user.login, user.balance);

let spread = 20;
const symbol = await firstMatching('a symbol update', mt4.streamSymbolUpdates(), (item) => item.symbol === 'GBPUSD', () =>
  rest.mt4.postSymbolChange(platform, { symbol: 'GBPUSD', spread: spread++ }));
assert.equal(symbol.kind, 'Updated');
console.log('ok - StreamSymbolUpdates item after a symbol change', symbol.symbol, symbol.spread);

// A margin call: 1001 keeps about 1,200 USD, buys 1 lot (about 1,160 USD of margin at 1:100), then EURUSD falls.
const balance = (await rest.mt4.getUserRecordRequestLogin(platform, 1001)).balance;
await rest.mt4.postTradeTransaction(platform, { tradeTransactionType: 'BalanceAdd', orderBy: 1001, price: -(balance - 1200), comment: 'to 1200' });
await rest.mt4.postTradeTransaction(platform, { tradeTransactionType: 'OpenMarket', tradeCommand: 'Buy', orderBy: 1001, symbol: 'EURUSD', volume: 100 });
const call = await firstMatching('a margin call', mt4.streamMarginCallUpdates(), (item) => item.login === 1001 && item.levelType > 0, () =>
  rest.mt4.postSymbolSendTick(platform, { symbol: 'EURUSD', bid: 1.0, ask: 1.0002 }));
assert.ok(call.level < 100, JSON.stringify(call));
console.log('ok - StreamMarginCallUpdates item for the account at a margin call', JSON.stringify(call));
await mt4.stop();

const mt5 = realtime(MT5V2SignalRClient, env('MT5_PLATFORM'));
const mt5Statuses = [];
mt5.onConnectionStatus((status) => mt5Statuses.push(status));
await mt5.start();
await eventually('MT5 OnConnectionStatus', () => mt5Statuses.length > 0);
assert.equal(mt5Statuses[0].connected, true);
const margins = mt5.streamMarginCallUpdates()[Symbol.asyncIterator]();
const nothingYet = await Promise.race([margins.next(), sleep(500).then(() => 'quiet')]);
assert.equal(nothingYet, 'quiet', 'no margin call on a healthy demo MT5 server');
await margins.return?.();
console.log('ok - MT5 hub: OnConnectionStatus and StreamMarginCallUpdates');
await mt5.stop();

await assert.rejects(realtime(MT4V2SignalRClient, env('FOREIGN_PLATFORM')).start(), (e) => /403|status code/i.test(String(e)));
console.log('ok - another organization\'s platform is refused at negotiate');
