package io.tradeport.tradeserver.simulation;

import java.util.List;
import java.util.Optional;

import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.ModifyOrder;
import io.tradeport.tradeserver.engine.OpenOrder;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.Ticket;
import io.tradeport.tradeserver.engine.TradeEngine;
import io.tradeport.tradeserver.engine.TradeRecord;
import io.tradeport.tradeserver.engine.TradeResult;
import io.tradeport.tradeserver.journal.DurableEngine;

/**
 * What a simulated trader can do and see, synchronously. Two implementations: straight on a
 * {@link TradeEngine} (the caller owns the engine thread, as tests do), and through a
 * {@link DurableEngine}, waiting for each acknowledgement like a real client terminal.
 */
public interface Venue {

	AccountState putAccount(AccountConfig config);

	Optional<AccountState> account(Login login);

	List<TradeRecord> openTrades(Login login);

	Optional<Quote> quote(String symbol);

	Optional<SymbolConfig> symbol(String name);

	TradeResult balance(Login login, double amount, String comment);

	TradeResult open(OpenOrder order);

	TradeResult modify(ModifyOrder request);

	TradeResult close(Ticket ticket);

	TradeResult delete(Ticket ticket);

	static Venue of(TradeEngine engine) {
		return new Venue() {
			@Override
			public AccountState putAccount(AccountConfig config) {
				return engine.putAccount(config);
			}

			@Override
			public Optional<AccountState> account(Login login) {
				return engine.account(login);
			}

			@Override
			public List<TradeRecord> openTrades(Login login) {
				return engine.openTrades(login);
			}

			@Override
			public Optional<Quote> quote(String symbol) {
				return engine.quote(symbol);
			}

			@Override
			public Optional<SymbolConfig> symbol(String name) {
				return engine.symbols().stream().filter(s -> s.name().equals(name)).findFirst();
			}

			@Override
			public TradeResult balance(Login login, double amount, String comment) {
				return engine.balance(login, amount, comment);
			}

			@Override
			public TradeResult open(OpenOrder order) {
				return engine.open(order);
			}

			@Override
			public TradeResult modify(ModifyOrder request) {
				return engine.modify(request);
			}

			@Override
			public TradeResult close(Ticket ticket) {
				return engine.close(ticket);
			}

			@Override
			public TradeResult delete(Ticket ticket) {
				return engine.delete(ticket);
			}
		};
	}

	static Venue of(DurableEngine engine) {
		return new Venue() {
			@Override
			public AccountState putAccount(AccountConfig config) {
				return engine.putAccount(config).join();
			}

			@Override
			public Optional<AccountState> account(Login login) {
				return engine.account(login).join();
			}

			@Override
			public List<TradeRecord> openTrades(Login login) {
				return engine.openTrades(login).join();
			}

			@Override
			public Optional<Quote> quote(String symbol) {
				return engine.quote(symbol).join();
			}

			@Override
			public Optional<SymbolConfig> symbol(String name) {
				return engine.read(e -> e.symbols().stream().filter(s -> s.name().equals(name)).findFirst()).join();
			}

			@Override
			public TradeResult balance(Login login, double amount, String comment) {
				return engine.balance(login, amount, comment).join();
			}

			@Override
			public TradeResult open(OpenOrder order) {
				return engine.open(order).join();
			}

			@Override
			public TradeResult modify(ModifyOrder request) {
				return engine.modify(request).join();
			}

			@Override
			public TradeResult close(Ticket ticket) {
				return engine.close(ticket).join();
			}

			@Override
			public TradeResult delete(Ticket ticket) {
				return engine.delete(ticket).join();
			}
		};
	}
}
