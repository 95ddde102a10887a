package io.tradeport.tradeserver.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Internal mail sent to client terminals (MailSend), kept as the server keeps it. A persistent
 * mailbox (from {@link ServerStores#mailbox}) writes each mail to its own file before it is listed,
 * so sending never rewrites older mail.
 */
public final class Mailbox {

	public record Mail(long id, Instant time, int senderLogin, String senderName, String subject, String body,
			List<Integer> logins) {

		public Mail {
			logins = List.copyOf(logins);
		}
	}

	private final List<Mail> mails = new ArrayList<>();
	private final StoreDir files;
	private long nextId = 1;

	/** An in-memory mailbox. */
	public Mailbox() {
		this(StoreDir.memory());
	}

	Mailbox(StoreDir files) {
		this.files = files;
		for (String name : files.names()) {
			files.readValue(name, Records.MAIL).ifPresent(mails::add);
		}
		mails.sort(Comparator.comparingLong(Mail::id));
		mails.forEach(m -> nextId = Math.max(nextId, m.id() + 1));
	}

	public synchronized Mail send(Instant time, int senderLogin, String senderName, String subject, String body,
			List<Integer> logins) {
		Mail mail = new Mail(nextId, time, senderLogin, senderName, subject, body, logins);
		files.write(mail.id() + ".mail", Records.MAIL.encode(mail));
		nextId++;
		mails.add(mail);
		return mail;
	}

	/** Every mail for {@code login} (0: all mail), oldest first. */
	public synchronized List<Mail> read(int login) {
		return mails.stream().filter(m -> login == 0 || m.logins().contains(login)).toList();
	}
}
