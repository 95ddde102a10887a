package io.tradeport.cloud.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/** Tells whoever started the suite where to open it. */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
			return;
		}
		Environment environment = event.getApplicationContext().getEnvironment();
		var url = environment.getProperty("tradeport.issuer", "http://localhost:" + web.getWebServer().getPort());
		var mailbox = environment.acceptsProfiles(Profiles.of(EmbeddedDefaults.PROFILE))
				&& environment.getProperty("spring.mail.host", "").isBlank() ? "\n  Development mailbox: " + url + "/dev/mailbox" : "";
		log.info("\n\n  Tradeport is running: open {}{}\n", url, mailbox);
	}
}
