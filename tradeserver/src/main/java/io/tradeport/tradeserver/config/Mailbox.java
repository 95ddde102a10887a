package io.tradeport.tradeserver.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Internal mail sent to client terminals (MailSend), kept as the server keeps it. */
public final class Mailbox {

	public record Mail(long id, Instant time, int senderLogin, String senderName, String subject, String body,
			List<Integer> logins) {

		public Mail {
			logins = List.copyOf(logins);
		}
	}

	private final List<Mail> mails = new ArrayList<>();
	private long nextId = 1;

	public synchronized Mail send(Instant time, int senderLogin, String senderName, String subject, String body,
			List<Integer> logins) {
		Mail mail = new Mail(nextId++, time, senderLogin, senderName, subject, body, logins);
		mails.add(mail);
		return mail;
	}

	/** Every mail for {@code login} (0: all mail), oldest first. */
	public synchronized List<Mail> read(int login) {
		return mails.stream().filter(m -> login == 0 || m.logins().contains(login)).toList();
	}
}
