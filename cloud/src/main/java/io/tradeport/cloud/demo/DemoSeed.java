package io.tradeport.cloud.demo;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.tradeport.cloud.clients.ApiClients;
import io.tradeport.cloud.clients.ApiScopes;
import io.tradeport.cloud.identity.ClientSecrets;
import io.tradeport.cloud.identity.Users;
import io.tradeport.cloud.organizations.Organizations;
import io.tradeport.cloud.platforms.PlatformType;
import io.tradeport.cloud.platforms.TradePlatforms;

/**
 * Seeds once, when the demo user does not exist yet: the user, their organization with the built-in trade server
 * registered as its MT4 platform (Manager API and report database filled in) and the one presenting as MT5 as its
 * MT5 platform, and an API client for all its platforms. The generated password and client secret are printed this
 * one time only; they are stored hashed like any other.
 */
@Component
@Profile("embedded")
class DemoSeed {

	static final String DEMO_EMAIL = "demo@tradeport.local";
	private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

	private final Users users;
	private final Organizations organizations;
	private final ApiClients clients;
	private final TradePlatforms platforms;
	private final ObjectProvider<EmbeddedTradeServer> tradeServer;

	DemoSeed(Users users, Organizations organizations, ApiClients clients, TradePlatforms platforms,
			ObjectProvider<EmbeddedTradeServer> tradeServer) {
		this.users = users;
		this.organizations = organizations;
		this.clients = clients;
		this.platforms = platforms;
		this.tradeServer = tradeServer;
	}

	@EventListener
	@Order(0)
	void onFirstStart(ApplicationReadyEvent ready) {
		if (users.findByEmail(DEMO_EMAIL).isPresent()) {
			return;
		}
		var password = ClientSecrets.generate().substring(0, 20);
		var user = users.create(DEMO_EMAIL, password);
		var organization = organizations.membershipsOf(user).getFirst().organizationId();
		var client = clients.register(organization, "Demo API client",
				Set.of(ApiScopes.READ, ApiScopes.TRADE, ApiScopes.ADMIN), user);
		var mt4Platform = new AtomicReference<String>("(no demo trade server)");
		var mt5Platform = new AtomicReference<String>("(no demo trade server)");
		tradeServer.ifAvailable(server -> {
			var access = server.access();
			var mt4 = platforms.create(organization, "Demo MT4", PlatformType.MT4, user);
			mt4Platform.set(mt4.toString());
			platforms.setManagerApi(organization, mt4, access.address(), access.managerLogin(), access.managerPassword(), user);
			var db = access.reportDatabase();
			if (db != null) {
				platforms.setReportDatabase(organization, mt4, db.host(), db.port(), db.database(), db.login(), db.password(), user);
			}
			var mt5Access = server.mt5Access();
			var mt5 = platforms.create(organization, "Demo MT5", PlatformType.MT5, user);
			mt5Platform.set(mt5.toString());
			platforms.setManagerApi(organization, mt5, mt5Access.address(), mt5Access.managerLogin(), mt5Access.managerPassword(), user);
		});
		var port = ready.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
				? web.getWebServer().getPort() : 8080;
		var base = ready.getApplicationContext().getEnvironment().getProperty("tradeport.issuer", "http://localhost:" + port);
		log.info("""

				  Demo data created (shown only on this first start; kept under tradeport.data-dir):
				    Sign in:        {} / {}
				    API client id:  {}
				    API secret:     {}
				    API base URL:   {}
				    Authority:      {}
				    MT4 platform:   {}
				    MT5 platform:   {}
				""", DEMO_EMAIL, password, client.clientId(), client.clientSecret(), base, base, mt4Platform.get(), mt5Platform.get());
	}
}
