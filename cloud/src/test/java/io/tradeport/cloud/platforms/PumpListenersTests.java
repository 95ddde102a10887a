package io.tradeport.cloud.platforms;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.gateway.v1.PumpEvent;
import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@TradeportApplicationTest
class PumpListenersTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	@Autowired
	PlatformPumps pumps;

	@Test
	void aListenerFollowsLiveChangesAndTheConnectionStateUntilItLetsGo() throws Exception {
		var server = TradeServer.start(TradeServerSettings.loopback().withAdminPassword("gateway-password"));
		var http = new Http(port);
		var connected = fixtures.newPlatformOnGateway("pump-listener", server.port(), "gateway-password", Set.of("read", "trade"), http);
		var states = new CopyOnWriteArrayList<Boolean>();
		var events = new CopyOnWriteArrayList<PumpEvent>();
		var handle = pumps.listen(connected.platform(), new PumpListener() {
			@Override
			public void changed(PumpEvent event) {
				events.add(event);
			}

			@Override
			public void connectionChanged(boolean up) {
				states.add(up);
			}
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> states.contains(true));
		assertThat(events).as("snapshot records are not changes").isEmpty();

		var deposit = http.postRaw("/api/v2/MT4/" + connected.platform() + "/TradeTransaction", "application/json",
				"{\"tradeTransactionType\":\"BalanceAdd\",\"orderBy\":1002,\"price\":77}", "Authorization", connected.bearer());
		assertThat(deposit.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(event -> event.hasUser() && event.getUser().getLogin() == 1002));

		var serverPort = server.port();
		server.close();
		await().atMost(Duration.ofSeconds(10)).until(() -> states.getLast().equals(false));

		handle.close();
		var again = TradeServer.start(TradeServerSettings.loopback().withAdminPassword("gateway-password").withPort(serverPort));
		try {
			await().atMost(Duration.ofSeconds(40)).until(() -> pumps.connected(connected.platform()));
			assertThat(states.getLast()).as("a listener that let go hears nothing of the reconnection").isFalse();
		}
		finally {
			again.close();
		}
	}
}
