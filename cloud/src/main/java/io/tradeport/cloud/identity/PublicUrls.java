package io.tradeport.cloud.identity;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links that go into mails. In production they are built on the configured issuer, never on the request's Host
 * header, which an attacker could set to have reset links point at their own server.
 */
@Component
class PublicUrls {

	private final IdentitySettings settings;

	PublicUrls(IdentitySettings settings) {
		this.settings = settings;
	}

	String to(String path) {
		var issuer = settings.issuer();
		if (issuer != null && !issuer.isBlank()) {
			return issuer.replaceAll("/+$", "") + path;
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
	}
}
