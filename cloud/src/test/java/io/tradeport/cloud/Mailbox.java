package io.tradeport.cloud;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;

import static org.awaitility.Awaitility.await;

/** Reads what the application sent to GreenMail. */
public final class Mailbox {

	private Mailbox() {
	}

	/** The newest mail to {@code recipient} whose subject contains {@code subject}, waiting for it to arrive. */
	public static String latestBody(String recipient, String subject) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> find(recipient, subject), Optional::isPresent).orElseThrow();
	}

	public static int count(String recipient) {
		return (int) Arrays.stream(TestInfrastructure.MAIL.getReceivedMessages()).filter(m -> isTo(m, recipient)).count();
	}

	public static String temporaryPassword(String mailBody) {
		return match(mailBody, "temporary password: ([A-Za-z0-9-]+)");
	}

	public static String match(String text, String regex) {
		var matcher = Pattern.compile(regex).matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("No match for " + regex + " in:\n" + text);
		}
		return matcher.group(1);
	}

	private static Optional<String> find(String recipient, String subject) {
		var messages = TestInfrastructure.MAIL.getReceivedMessages();
		for (int i = messages.length - 1; i >= 0; i--) {
			var message = messages[i];
			try {
				if (isTo(message, recipient) && message.getSubject().contains(subject)) {
					return Optional.of(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
				}
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}
		return Optional.empty();
	}

	private static boolean isTo(MimeMessage message, String recipient) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}
