package io.tradeport.cloud.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links that go into mails. In production they are built on the configured issuer, never on the
 * request's Host header, which an attacker could set to have reset or invitation links point at their server.
 */
@Component
public class Links {

	private final String issuer;

	Links(@Value("${tradeport.issuer:}") String issuer) {
		this.issuer = issuer;
	}

	public String to(String path) {
		if (!issuer.isBlank()) {
			return issuer.replaceAll("/+$", "") + path;
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
	}
}
