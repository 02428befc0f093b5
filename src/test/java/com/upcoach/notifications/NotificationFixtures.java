package com.upcoach.notifications;

import com.upcoach.Http;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in user of the notification API, for the ITs.
 */
final class NotificationFixtures {

	final Http http;

	final UserView user;

	final String token;

	NotificationFixtures(Http http, AccountManagement accounts, Role role) {
		this.http = http;
		this.user = AccountFixtures.create(accounts, role);
		this.token = http.login(this.user.email(), AccountFixtures.PASSWORD);
	}

	static NotificationFixtures user(Http http, AccountManagement accounts) {
		return new NotificationFixtures(http, accounts, Role.USER);
	}

	UserId id() {
		return new UserId(this.user.id());
	}

	NotificationFixtures zone(String zone) {
		Http.Response response = patch("/api/v1/users/me", "{\"timeZone\":\"" + zone + "\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return this;
	}

	Http.Response post(String path, String json) {
		return this.http.post(path, json).bearer(this.token).execute();
	}

	Http.Response patch(String path, String json) {
		return this.http.patch(path, json).bearer(this.token).execute();
	}

	Http.Response put(String path, String json) {
		return this.http.put(path, json).bearer(this.token).execute();
	}

	Http.Response get(String path) {
		return this.http.get(path).bearer(this.token).execute();
	}

	Http.Response delete(String path) {
		return this.http.delete(path).bearer(this.token).execute();
	}

	static NewNotification notification(UserId user, NotificationType type, String title, String dedupeKey) {
		return new NewNotification(user, type, title, "Body of " + title, "/app/test", null, dedupeKey);
	}

}
