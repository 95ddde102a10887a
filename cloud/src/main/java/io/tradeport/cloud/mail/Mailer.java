package io.tradeport.cloud.mail;

public interface Mailer {

	/**
	 * Sends synchronously, so a caller that must not continue without the mail (a generated password, a reset
	 * link) can roll back its transaction when delivery fails.
	 *
	 * @throws MailNotSentException when the mail could not be handed to the mail server
	 */
	void send(OutgoingMail mail);
}
