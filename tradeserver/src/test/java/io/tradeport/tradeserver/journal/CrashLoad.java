package io.tradeport.tradeserver.journal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.EngineListener;
import io.tradeport.tradeserver.engine.EngineSettings;
import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.OpenOrder;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.Ticket;
import io.tradeport.tradeserver.engine.TradeCommand;
import io.tradeport.tradeserver.engine.TradeResult;
import io.tradeport.tradeserver.engine.TradeSessions;
import io.tradeport.tradeserver.feed.FeedDriver;
import io.tradeport.tradeserver.feed.Instrument;
import io.tradeport.tradeserver.feed.PriceFeed;

/**
 * The child process of {@link CrashRecoveryTests}: a durable engine under load from several
 * client threads and a live feed, printing each acknowledged operation only after its future
 * completed, until it is killed. Arguments: data directory, number of clients.
 */
final class CrashLoad {

	static final List<String> SYMBOLS = List.of("EURUSD", "USDJPY");

	public static void main(String[] args) throws Exception {
		Path directory = Path.of(args[0]);
		int clients = Integer.parseInt(args[1]);
		// Autoflush per line: an acknowledgement must reach the pipe before the next operation starts.
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
		DurableEngine engine = DurableEngine.open(directory, Clock.systemUTC(), EngineSettings.defaults(),
				EngineListener.NONE, new DurableEngine.Options(2000));
		engine.putGroup(GroupConfig.builder("demo", "USD").defaultLeverage(100).build()).join();
		for (String symbol : SYMBOLS) {
			engine.putSymbol(SymbolConfig.forex(symbol, symbol.endsWith("JPY") ? 3 : 5).build()).join();
		}
		for (int login = 1; login <= clients; login++) {
			engine.putAccount(AccountConfig.of(login, "demo")).join();
		}
		PriceFeed feed = new PriceFeed(List.of(
				Instrument.forex("EURUSD", 5, 1.10, 0.6, 10).withSessions(TradeSessions.ALWAYS).withTickRate(3000),
				Instrument.forex("USDJPY", 3, 150, 0.6, 12).withSessions(TradeSessions.ALWAYS).withTickRate(3000)),
				ZoneOffset.UTC, 1, Clock.systemUTC().instant());
		feed.advanceTo(Clock.systemUTC().instant().plusMillis(200), tick -> engine.tick(tick.symbol(), tick.bid(), tick.ask()));
		FeedDriver.start(feed, Clock.systemUTC(), Duration.ofMillis(20), tick -> engine.tick(tick.symbol(), tick.bid(), tick.ask()));
		out.println("READY");
		for (int login = 1; login <= clients; login++) {
			int l = login;
			Thread.ofPlatform().name("client-" + l).start(() -> client(engine, l, out));
		}
		// Until the test kills this process.
		new java.util.concurrent.CountDownLatch(1).await();
	}

	private static void client(DurableEngine engine, int login, PrintStream out) {
		SplittableRandom random = new SplittableRandom(login);
		Login who = Login.of(login);
		List<Ticket> open = new ArrayList<>();
		while (true) {
			int dice = random.nextInt(100);
			if (dice < 25 || open.isEmpty() && dice < 40) {
				double amount = 100 + random.nextInt(900) + random.nextInt(100) / 100.0;
				TradeResult r = engine.balance(who, amount, "deposit").join();
				report(out, r, "DEP " + login + " " + ticket(r) + " " + amount);
			}
			else if (dice < 35) {
				double amount = 50 + random.nextInt(500);
				TradeResult r = engine.balance(who, -amount, "withdrawal").join();
				report(out, r, "WDR " + login + " " + ticket(r) + " " + -amount);
			}
			else if (dice < 75 || open.isEmpty()) {
				String symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
				TradeCommand cmd = random.nextBoolean() ? TradeCommand.BUY : TradeCommand.SELL;
				OpenOrder order = OpenOrder.market(login, symbol, cmd, 1 + random.nextInt(20));
				Quote quote = engine.quote(symbol).join().orElseThrow();
				if (random.nextBoolean()) {
					double distance = quote.bid() * 0.0005;
					double sl = cmd == TradeCommand.BUY ? quote.bid() - distance : quote.ask() + distance;
					double tp = cmd == TradeCommand.BUY ? quote.ask() + distance : quote.bid() - distance;
					order = order.withStops(sl, tp);
				}
				TradeResult r = engine.open(order).join();
				if (r.isOk()) {
					open.add(r.ticket());
				}
				report(out, r, "OPEN " + login + " " + ticket(r));
			}
			else if (dice < 95) {
				Ticket ticket = open.remove(random.nextInt(open.size()));
				TradeResult r = engine.close(ticket).join();
				report(out, r, "CLOSE " + login + " " + ticket.value());
			}
			else {
				// The dealer's delete of a position: gone without a close, nothing booked.
				Ticket ticket = open.remove(random.nextInt(open.size()));
				// Said before asking: a delete the engine applied but whose ACK the kill cut off leaves no trace.
				out.println("REQ DEL " + login + " " + ticket.value());
				TradeResult r = engine.transact(tx -> tx.deletePosition(ticket)).join();
				report(out, r, "DEL " + login + " " + ticket.value());
			}
		}
	}

	private static String ticket(TradeResult result) {
		return result.ticket() == null ? "-" : Integer.toString(result.ticket().value());
	}

	private static void report(PrintStream out, TradeResult result, String line) {
		out.println(result.isOk() ? "ACK " + line : "REFUSED " + result.code() + " " + line);
	}
}
