package io.tradeport.cloud.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links that go into mails. In production they are built on the configured issuer, never on the
 * request's Host header, which an attacker could set to have reset or invitation links point at their server.
 */
@Component
public class Links {

	private final String issuer;
	private final Environment environment;

	Links(@Value("${tradeport.issuer:}") String issuer, Environment environment) {
		this.issuer = issuer;
		this.environment = environment;
	}

	/**
	 * Without a configured issuer (embedded default only; production requires one): the current request's base,
	 * or, outside a request, this machine's own port.
	 */
	public String to(String path) {
		if (!issuer.isBlank()) {
			return issuer.replaceAll("/+$", "") + path;
		}
		if (RequestContextHolder.getRequestAttributes() != null) {
			return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
		}
		return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")) + path;
	}
}
