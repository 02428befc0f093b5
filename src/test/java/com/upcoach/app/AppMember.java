package com.upcoach.app;

import java.util.UUID;

import com.upcoach.Http;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;

/**
 * A member of the app's browser tests with a signed-in REST client: the other device the
 * tests check the pages against.
 *
 * @param http a client of the running app
 * @param user the account
 * @param token its access token
 */
record AppMember(Http http, UserView user, String token) {

	static AppMember create(AccountManagement accounts, int port, Role role) {
		Http http = new Http(port);
		UserView user = AccountFixtures.create(accounts, role);
		return new AppMember(http, user, http.login(user.email(), AccountFixtures.PASSWORD));
	}

	UUID id() {
		return this.user.id();
	}

	String email() {
		return this.user.email();
	}

	String timeZone() {
		return this.user.timeZone();
	}

	/**
	 * Create a resource through the REST API.
	 * @return its id
	 */
	String add(String path, String json) {
		Http.Response created = post(path, json).execute();
		if (created.status() != 201) {
			throw new AssertionError("POST " + path + " answered " + created.status() + ": " + created.body());
		}
		return created.json().at("/data/id").asString();
	}

	Http.Request get(String path) {
		return this.http.get(path).bearer(this.token);
	}

	Http.Request post(String path, String json) {
		return this.http.post(path, json).bearer(this.token);
	}

	Http.Request patch(String path, String json) {
		return this.http.patch(path, json).bearer(this.token);
	}

	Http.Request delete(String path) {
		return this.http.delete(path).bearer(this.token);
	}

}
