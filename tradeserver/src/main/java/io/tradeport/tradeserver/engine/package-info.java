/**
 * In-memory trading engine of the built-in trade server, with MT4 semantics.
 *
 * <p><b>Threading: single writer.</b> A {@link io.tradeport.tradeserver.engine.TradeEngine} is
 * owned by one thread ({@link io.tradeport.tradeserver.engine.EngineThread}); commands and ticks
 * are queued to it. MT4 itself serialises trade processing per server, and almost every
 * operation touches shared state: a tick on USDJPY revalues every account holding any JPY-quoted
 * symbol, a close changes a balance, a group change touches all its accounts. Per-account locks
 * would need lock ordering across those fans and would cost a lock per trade per tick; one owner
 * thread needs no locks at all and keeps the hot loops (revaluing the holders of a symbol on each
 * tick) branch-light. Where one core is not enough, the full recalculation and ticks that fan
 * out to many accounts, the owner thread itself splits the work by account ranges onto the
 * common fork-join pool: workers write only their own accounts and trades, the join publishes
 * the results, and everything with side effects (triggers, stop-outs, events) runs afterwards
 * on the owner thread for the accounts the workers flagged.
 *
 * <p><b>Money: {@code double}, rounded where MT4 rounds.</b> MT4 stores money and prices as
 * doubles and normalises them: prices to the symbol's digits, profits, swaps, commissions,
 * margin and balance to the account currency's two digits. Reproducing MT4's numbers exactly
 * (what clients and report tools compare against) is easier with the same representation than
 * with long cents, which would also need a scale per price and per currency. Rounding is half away
 * from zero, like NormalizeDouble.
 *
 * <p><b>Performance model.</b> Open trades are small primitive-field objects; an index symbol →
 * holding accounts lets a tick revalue only the accounts that hold the symbol or a symbol whose
 * profit is converted through it. Margin depends only on open prices and the margin rate fixed
 * at open, so it is recomputed only when an account's orders or settings change; ticks move
 * floating profit and equity only.
 */
@NullMarked
package io.tradeport.tradeserver.engine;

import org.jspecify.annotations.NullMarked;
