package io.tradeport.tradeserver.gateway;

import java.time.Instant;
import java.util.List;

import io.grpc.stub.StreamObserver;
import io.tradeport.gateway.v1.Bar;
import io.tradeport.gateway.v1.BarList;
import io.tradeport.gateway.v1.BarsRequest;
import io.tradeport.gateway.v1.ChartWriteReply;
import io.tradeport.gateway.v1.ChartWriteRequest;
import io.tradeport.gateway.v1.CorrectHistoryRequest;
import io.tradeport.gateway.v1.LastTicksRequest;
import io.tradeport.gateway.v1.MarketDataGrpc;
import io.tradeport.gateway.v1.SendTickReply;
import io.tradeport.gateway.v1.SymbolInfoList;
import io.tradeport.gateway.v1.SymbolsFilter;
import io.tradeport.gateway.v1.Tick;
import io.tradeport.gateway.v1.TickList;
import io.tradeport.gateway.v1.TicksRequest;
import io.tradeport.gateway.v1.Timeframe;
import io.tradeport.tradeserver.config.Journal;
import io.tradeport.tradeserver.config.ManagerAccount;
import io.tradeport.tradeserver.config.ManagerRight;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.SymbolConfig;

/** Quotes, tick and bar history, and quote injection ("market" right). */
final class MarketDataService extends MarketDataGrpc.MarketDataImplBase {

	/** Upper bound of one TickInfoLast answer. */
	private static final int MAX_LAST_TICKS = 1000;

	private final ServerContext context;

	MarketDataService(ServerContext context) {
		this.context = context;
	}

	@Override
	public void getSymbolInfos(SymbolsFilter request, StreamObserver<SymbolInfoList> out) {
		Calls.unary(out, () -> {
			context.sessions.manager();
			List<SymbolConfig> symbols = context.call(e -> e.symbols());
			SymbolInfoList.Builder list = SymbolInfoList.newBuilder();
			for (String wanted : request.getSymbolsList()) {
				if (symbols.stream().noneMatch(s -> s.name().equals(wanted))) {
					throw MtException.notFound("no symbol " + wanted);
				}
			}
			for (SymbolConfig symbol : symbols) {
				if (request.getSymbolsCount() == 0 || request.getSymbolsList().contains(symbol.name())) {
					context.quotes.info(symbol).ifPresent(list::addSymbols);
				}
			}
			return list.build();
		});
	}

	@Override
	public void getLastTicks(LastTicksRequest request, StreamObserver<TickList> out) {
		Calls.unary(out, () -> {
			context.sessions.manager();
			requireSymbol(request.getSymbol());
			int limit = request.getLimit() <= 0 ? 100 : Math.min(request.getLimit(), MAX_LAST_TICKS);
			return ticks(context.history.lastTicks(request.getSymbol(), limit));
		});
	}

	@Override
	public void getTicks(TicksRequest request, StreamObserver<TickList> out) {
		Calls.unary(out, () -> {
			context.sessions.manager();
			requireSymbol(request.getSymbol());
			requireRange(request.getFrom(), request.getTo());
			return ticks(context.history.ticks(request.getSymbol(), Instant.ofEpochMilli(request.getFrom()),
					Instant.ofEpochMilli(request.getTo())));
		});
	}

	@Override
	public void getBars(BarsRequest request, StreamObserver<BarList> out) {
		Calls.unary(out, () -> {
			context.sessions.manager();
			requireSymbol(request.getSymbol());
			requireRange(request.getFrom(), request.getTo());
			if (request.getTimeframe() == Timeframe.TIMEFRAME_UNSPECIFIED || request.getTimeframe() == Timeframe.UNRECOGNIZED) {
				throw MtException.of(Ret.INVALID_DATA, "timeframe is required");
			}
			BarPeriod period = BarPeriod.ofMinutes(request.getTimeframe().getNumber());
			BarList.Builder list = BarList.newBuilder();
			for (PriceBar bar : context.history.bars(request.getSymbol(), period, Instant.ofEpochMilli(request.getFrom()),
					Instant.ofEpochMilli(request.getTo()))) {
				list.addBars(Bar.newBuilder().setTime(bar.time().toEpochMilli()).setOpen(bar.open()).setHigh(bar.high())
					.setLow(bar.low()).setClose(bar.close()).setVolume(bar.volume()));
			}
			return list.build();
		});
	}

	@Override
	public void addBars(ChartWriteRequest request, StreamObserver<ChartWriteReply> out) {
		Calls.unary(out, () -> chartReply(editChart(request, (period, bars) -> context.history.putBars(request.getSymbol(), period, bars, false))));
	}

	@Override
	public void updateBars(ChartWriteRequest request, StreamObserver<ChartWriteReply> out) {
		Calls.unary(out, () -> chartReply(editChart(request, (period, bars) -> context.history.putBars(request.getSymbol(), period, bars, true))));
	}

	@Override
	public void deleteBars(ChartWriteRequest request, StreamObserver<ChartWriteReply> out) {
		Calls.unary(out, () -> chartReply(editChart(request, (period, bars) -> context.history.deleteBars(request.getSymbol(), period,
				bars.stream().map(PriceBar::time).toList()))));
	}

	@Override
	public void correctHistory(CorrectHistoryRequest request, StreamObserver<ChartWriteReply> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.ADMIN);
			requireSymbol(request.getSymbol());
			int corrected = chartEdit(() -> context.history.correct(request.getSymbol()));
			context.journal.write(Journal.Type.STANDARD, Sessions.remoteAddress(), "'" + manager.login() + "': history of "
					+ request.getSymbol() + " corrected, " + corrected + " bars");
			return chartReply(corrected);
		});
	}

	private interface ChartEdit {
		int apply(BarPeriod period, List<PriceBar> bars);
	}

	private int editChart(ChartWriteRequest request, ChartEdit edit) {
		ManagerAccount manager = context.sessions.require(ManagerRight.ADMIN);
		requireSymbol(request.getSymbol());
		if (request.getTimeframe() == Timeframe.TIMEFRAME_UNSPECIFIED || request.getTimeframe() == Timeframe.UNRECOGNIZED) {
			throw MtException.of(Ret.INVALID_DATA, "timeframe is required");
		}
		BarPeriod period = BarPeriod.ofMinutes(request.getTimeframe().getNumber());
		List<PriceBar> bars = new java.util.ArrayList<>();
		for (Bar b : request.getBarsList()) {
			bars.add(new PriceBar(Instant.ofEpochMilli(b.getTime()), b.getOpen(), b.getHigh(), b.getLow(), b.getClose(), b.getVolume()));
		}
		int count = chartEdit(() -> edit.apply(period, bars));
		context.journal.write(Journal.Type.STANDARD, Sessions.remoteAddress(), "'" + manager.login() + "': chart " + request.getSymbol()
				+ " " + period + " edited, " + count + " bars");
		return count;
	}

	private static int chartEdit(java.util.function.IntSupplier edit) {
		try {
			return edit.getAsInt();
		}
		catch (UnsupportedOperationException ex) {
			throw MtException.notSupported(String.valueOf(ex.getMessage()));
		}
		catch (IllegalArgumentException ex) {
			throw MtException.of(Ret.INVALID_DATA, String.valueOf(ex.getMessage()));
		}
	}

	private static ChartWriteReply chartReply(int count) {
		return ChartWriteReply.newBuilder().setCount(count).build();
	}

	@Override
	public void sendTick(Tick request, StreamObserver<SendTickReply> out) {
		Calls.unary(out, () -> {
			context.sessions.require(ManagerRight.MARKET);
			requireSymbol(request.getSymbol());
			if (!(request.getBid() > 0) || !(request.getAsk() >= request.getBid())) {
				throw MtException.of(Ret.INVALID_DATA, "bid must be positive and ask not below bid");
			}
			boolean applied = context.write(w -> w.tick(request.getSymbol(), request.getBid(), request.getAsk()));
			if (!applied) {
				throw MtException.of(Ret.INVALID_DATA, "quote refused");
			}
			return SendTickReply.getDefaultInstance();
		});
	}

	private void requireSymbol(String symbol) {
		if (context.sections.symbols.find(symbol).isEmpty()) {
			throw MtException.notFound("no symbol " + symbol);
		}
	}

	private static void requireRange(long from, long to) {
		if (from < 0 || to < from) {
			throw MtException.of(Ret.INVALID_DATA, "bad time range");
		}
	}

	private static TickList ticks(List<Quote> quotes) {
		TickList.Builder list = TickList.newBuilder();
		quotes.forEach(q -> list.addTicks(Protos.tick(q)));
		return list.build();
	}
}
