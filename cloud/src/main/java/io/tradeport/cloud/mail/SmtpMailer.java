package io.tradeport.cloud.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

@Component
@ConditionalOnExpression("'${spring.mail.host:}' != ''")
class SmtpMailer implements Mailer {

	private final JavaMailSender sender;
	private final String from;

	SmtpMailer(JavaMailSender sender, @Value("${tradeport.mail.from:Tradeport <no-reply@localhost>}") String from) {
		this.sender = sender;
		this.from = from;
	}

	@Override
	public void send(OutgoingMail mail) {
		var message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(mail.to());
		message.setSubject(mail.subject());
		message.setText(mail.text());
		try {
			sender.send(message);
		}
		catch (MailException e) {
			throw new MailNotSentException(mail.to(), e);
		}
	}
}
