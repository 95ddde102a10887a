package io.tradeport.cloud.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
@DevMailboxEnabled
class DevMailbox implements Mailer {

	private static final Logger log = LoggerFactory.getLogger(DevMailbox.class);

	record StoredMail(long id, Instant sentAt, String recipient, String subject, String body) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	DevMailbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void send(OutgoingMail mail) {
		jdbc.sql("insert into dev_mail (sent_at, recipient, subject, body) values (?, ?, ?, ?)")
			.params(clock.instant().atOffset(java.time.ZoneOffset.UTC), mail.to(), mail.subject(), mail.text())
			.update();
		log.info("Development mailbox: mail to {}\nSubject: {}\n\n{}\n", mail.to(), mail.subject(), mail.text());
	}

	List<StoredMail> newestFirst(int limit) {
		return jdbc.sql("select id, sent_at, recipient, subject, body from dev_mail order by id desc limit ?")
			.param(limit)
			.query(StoredMail.class)
			.list();
	}

	Optional<StoredMail> find(long id) {
		return jdbc.sql("select id, sent_at, recipient, subject, body from dev_mail where id = ?")
			.param(id)
			.query(StoredMail.class)
			.optional();
	}
}
