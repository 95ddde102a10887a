package io.tradeport.cloud.web;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.tradeport.cloud.identity.SignedInUser;
import io.tradeport.cloud.identity.UserAccount;
import io.tradeport.cloud.identity.Users;

/** Puts the signed-in user into every page's model, for the name at the top right. */
@ControllerAdvice
class Navigation {

	private final Users users;

	Navigation(Users users) {
		this.users = users;
	}

	@ModelAttribute("me")
	@Nullable UserAccount me() {
		return SignedInUser.current().flatMap(users::find).orElse(null);
	}
}
