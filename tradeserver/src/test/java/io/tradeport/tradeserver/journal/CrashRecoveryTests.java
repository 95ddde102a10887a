package io.tradeport.tradeserver.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tradeport.tradeserver.engine.AccountState;
import io.tradeport.tradeserver.engine.EngineListener;
import io.tradeport.tradeserver.engine.EngineSettings;
import io.tradeport.tradeserver.engine.EngineState;
import io.tradeport.tradeserver.engine.TradeCommand;
import io.tradeport.tradeserver.engine.TradeRecord;

/**
 * Kills a loaded server process with SIGKILL and checks that recovery from its data directory
 * contains every operation the process acknowledged (deposits, withdrawals, opens, closes and
 * deletes of positions), with consistent money.
 */
class CrashRecoveryTests {

	private static final int CLIENTS = 8;
	private static final int ACKS_BEFORE_KILL = 6000;

	@TempDir
	Path directory;

	@Test
	void everyAcknowledgedOperationSurvivesAKillDashNine() throws Exception {
		Path data = directory.resolve("data");
		List<String> acks = runAndKill(data, ACKS_BEFORE_KILL);
		// A second life on the same directory, killed too: recovery, then more load, then recovery again.
		acks.addAll(runAndKill(data, ACKS_BEFORE_KILL / 3));

		try (var files = Files.list(data)) {
			// The child snapshots every 2,000 records, so recovery starts from a snapshot, not from scratch.
			assertThat(files.map(p -> p.getFileName().toString()))
				.anyMatch(name -> name.startsWith("snapshot-") && !name.equals("snapshot-0000000000000000000.bin"));
		}
		try (DurableEngine engine = DurableEngine.open(data, Clock.systemUTC(), EngineSettings.defaults(),
				EngineListener.NONE)) {
			EngineState state = engine.exportState().join();
			Map<Integer, EngineState.AccountImage> accounts = state.accounts().stream()
				.collect(Collectors.toMap(a -> a.config().login().value(), Function.identity()));
			assertThat(accounts).hasSize(CLIENTS);

			Map<Integer, TradeRecord> live = new HashMap<>();
			Map<Integer, TradeRecord> history = new HashMap<>();
			for (EngineState.AccountImage account : state.accounts()) {
				account.openTrades().forEach(t -> live.put(t.ticket().value(), t));
				account.history().forEach(t -> history.put(t.ticket().value(), t));
			}
			Set<Integer> acknowledgedTickets = new HashSet<>();
			Set<Integer> deleted = acks.stream().map(a -> a.split(" ")).filter(f -> f[0].equals("ACK") && f[1].equals("DEL"))
				.map(f -> Integer.parseInt(f[3])).collect(Collectors.toSet());
			Set<Integer> deleteAsked = acks.stream().map(a -> a.split(" ")).filter(f -> f[0].equals("REQ"))
				.map(f -> Integer.parseInt(f[3])).collect(Collectors.toSet());
			assertThat(deleted).as("the load deletes positions too").isNotEmpty();
			for (String ack : acks) {
				String[] f = ack.split(" ");
				if (f[0].equals("REQ")) {
					continue;
				}
				int login = Integer.parseInt(f[2]);
				int ticket = Integer.parseInt(f[3]);
				if (!f[1].equals("CLOSE") && !f[1].equals("DEL")) {
					assertThat(acknowledgedTickets.add(ticket)).as("ticket %d acknowledged twice", ticket).isTrue();
				}
				if (deleted.contains(ticket)) {
					// Deleted without closing: neither open nor in the history, as if never opened.
					assertThat(live).as(ack).doesNotContainKey(ticket);
					assertThat(history).as(ack).doesNotContainKey(ticket);
					continue;
				}
				if (deleteAsked.contains(ticket) && !live.containsKey(ticket) && !history.containsKey(ticket)) {
					// A delete asked just before the kill, applied, its ACK lost with the process: allowed, it was asked.
					continue;
				}
				TradeRecord record = f[1].equals("OPEN") && live.containsKey(ticket) ? live.get(ticket) : history.get(ticket);
				assertThat(record).as("recovered record of %s", ack).isNotNull();
				assertThat(record.login().value()).as(ack).isEqualTo(login);
				switch (f[1]) {
					case "DEP", "WDR" -> {
						assertThat(record.cmd()).as(ack).isEqualTo(TradeCommand.BALANCE);
						assertThat(record.profit()).as(ack).isEqualTo(Double.parseDouble(f[4]));
					}
					case "OPEN" -> assertThat(record.cmd().isMarket()).as(ack).isTrue();
					case "CLOSE" -> assertThat(record.isOpen()).as(ack).isFalse();
					default -> throw new AssertionError(ack);
				}
			}

			for (EngineState.AccountImage account : state.accounts()) {
				double booked = account.history().stream()
					.filter(t -> t.cmd() == TradeCommand.BALANCE || t.cmd().isMarket())
					.mapToDouble(t -> t.profit() + t.commission() + t.storage())
					.sum();
				assertThat(account.balance()).as("balance of %s", account.config().login()).isCloseTo(booked, within(0.005));
			}
			int maxTicket = state.accounts().stream()
				.flatMap(a -> concat(a.openTrades(), a.history()).stream())
				.mapToInt(t -> t.ticket().value()).max().orElseThrow();
			assertThat(state.nextTicket()).isGreaterThan(maxTicket);

			// Cached values agree with a recalculation from scratch.
			List<AccountState> incremental = engine.read(e -> e.accounts()).join();
			List<AccountState> recalculated = engine.read(e -> {
				e.recalculateAll();
				return e.accounts();
			}).join();
			assertThat(recalculated).isEqualTo(incremental);
		}
	}

	private List<String> runAndKill(Path data, int acksBeforeKill) throws Exception {
		Path stderr = directory.resolve("child-stderr-" + System.nanoTime() + ".txt");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-cp", System.getProperty("java.class.path"), CrashLoad.class.getName(), data.toString(),
				Integer.toString(CLIENTS))
			.redirectError(stderr.toFile())
			.start();
		// A hung child must fail the test, not hang the build.
		CompletableFuture<Void> finished = new CompletableFuture<>();
		finished.orTimeout(60, TimeUnit.SECONDS).whenComplete((v, timeout) -> {
			if (timeout != null) {
				process.toHandle().destroyForcibly();
			}
		});
		List<String> acks = new ArrayList<>();
		int refused = 0;
		int acknowledged = 0;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("REQ ")) {
					acks.add(line);
				}
				else if (line.startsWith("ACK ")) {
					acks.add(line);
					if (++acknowledged == acksBeforeKill) {
						// SIGKILL on Linux: no shutdown hooks, no flushing. Through the handle, because
						// Process.destroyForcibly also closes our end of the pipe and would lose the
						// acknowledgements still in it.
						process.toHandle().destroyForcibly();
					}
				}
				else if (line.startsWith("REFUSED ")) {
					refused++;
				}
			}
			// Lines already in the pipe when the kill landed were acknowledged too, and were read above.
		}
		finally {
			finished.complete(null);
			process.destroyForcibly();
			process.waitFor();
		}
		assertThat(acks).as("child output; stderr: %s", Files.readString(stderr)).hasSizeGreaterThanOrEqualTo(acksBeforeKill);
		assertThat(process.exitValue()).isEqualTo(137);
		System.out.printf("crash test: %d acknowledged, %d refused before the kill%n", acks.size(), refused);
		return acks;
	}

	private static List<TradeRecord> concat(List<TradeRecord> a, List<TradeRecord> b) {
		List<TradeRecord> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}
}
