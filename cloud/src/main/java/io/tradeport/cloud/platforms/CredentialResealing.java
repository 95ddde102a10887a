package io.tradeport.cloud.platforms;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.tradeport.cloud.secrets.SecretBox;

/**
 * After an encryption-key rotation, re-seals platform passwords still sealed with a previous key, so that the
 * previous key can be removed from the configuration once every node has started with the new one.
 */
@Component
class CredentialResealing {

	private static final Logger log = LoggerFactory.getLogger(CredentialResealing.class);

	private final JdbcClient jdbc;
	private final SecretBox secrets;

	CredentialResealing(JdbcClient jdbc, SecretBox secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	@EventListener(ApplicationReadyEvent.class)
	void reseal() {
		var count = 0;
		for (var column : new String[] { "manager_password", "db_password" }) {
			var rows = jdbc.sql("select id, " + column + " from trade_platform where " + column + " is not null")
				.query((rs, row) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2) })
				.list();
			for (var row : rows) {
				var sealed = (String) row[1];
				if (secrets.needsResealing(sealed)) {
					jdbc.sql("update trade_platform set " + column + " = ? where id = ? and " + column + " = ?")
						.params(secrets.seal(secrets.open(sealed)), row[0], sealed)
						.update();
					count++;
				}
			}
		}
		if (count > 0) {
			log.info("Re-sealed {} platform credentials with the current encryption key", count);
		}
	}
}
