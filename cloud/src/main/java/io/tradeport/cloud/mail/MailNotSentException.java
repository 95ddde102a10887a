package io.tradeport.cloud.mail;

public class MailNotSentException extends RuntimeException {

	MailNotSentException(String recipient, Throwable cause) {
		super("Could not send mail to " + recipient, cause);
	}
}
