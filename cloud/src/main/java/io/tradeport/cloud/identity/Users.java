package io.tradeport.cloud.identity;

import java.util.Optional;

import org.springframework.stereotype.Service;

/** Read access to users for other modules. */
@Service
public class Users {

	private final UserStore store;

	Users(UserStore store) {
		this.store = store;
	}

	public Optional<UserAccount> find(UserId id) {
		return store.findById(id).map(StoredUser::account);
	}

	public Optional<UserAccount> findByEmail(String email) {
		return store.findByEmail(email).map(StoredUser::account);
	}
}
