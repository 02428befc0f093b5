package com.upcoach.platform.security;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.IntegrationTest;
import com.upcoach.identity.AccountFixtures;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every {@code /api/v1} endpoint registered at test time, as anonymous and as each
 * role, and checks that exactly the intended callers get past authentication and
 * authorisation. An endpoint without a rule below fails the test: adding one means
 * deciding who may call it.
 */
@IntegrationTest
class AuthorizationMatrixIT {

	private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);

	private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

	private static final Set<Role> STAFF = EnumSet.of(Role.ADMIN, Role.COACH);

	/** Open without a token. */
	private static final Set<Role> PUBLIC = Set.of();

	private static final Map<String, Set<Role>> RULES = new LinkedHashMap<>();

	static {
		rule(PUBLIC, "POST /api/v1/auth/register", "POST /api/v1/auth/email/verify", "POST /api/v1/auth/login",
				"POST /api/v1/auth/password/forgot", "POST /api/v1/auth/password/reset", "POST /api/v1/auth/2fa/verify",
				"POST /api/v1/auth/refresh", "POST /api/v1/auth/webauthn/authenticate/options",
				"POST /api/v1/auth/webauthn/authenticate", "POST /api/v1/auth/2fa/webauthn/options",
				"POST /api/v1/auth/2fa/webauthn/verify", "POST /api/v1/auth/oauth2/token",
				"GET /api/v1/auth/oauth2/providers", "GET /api/v1/openapi.json", "GET /api/v1/openapi.json.yaml",
				"GET /api/v1/openapi.json/swagger-config");
		rule(EVERY_ROLE, "POST /api/v1/auth/email/resend", "POST /api/v1/auth/logout", "POST /api/v1/auth/logout-all",
				"GET /api/v1/auth/sessions", "DELETE /api/v1/auth/sessions/{id}", "GET /api/v1/auth/devices",
				"DELETE /api/v1/auth/devices/{id}/trust", "GET /api/v1/auth/2fa", "POST /api/v1/auth/2fa/totp/setup",
				"POST /api/v1/auth/2fa/totp/enable", "POST /api/v1/auth/2fa/totp/disable",
				"POST /api/v1/auth/2fa/recovery-codes", "POST /api/v1/auth/webauthn/register/options",
				"POST /api/v1/auth/webauthn/register", "GET /api/v1/auth/webauthn/credentials",
				"PATCH /api/v1/auth/webauthn/credentials/{id}", "DELETE /api/v1/auth/webauthn/credentials/{id}",
				"GET /api/v1/users/me", "PATCH /api/v1/users/me", "DELETE /api/v1/users/me",
				"POST /api/v1/users/me/password", "GET /api/v1/users/me/linked-accounts",
				"DELETE /api/v1/users/me/linked-accounts/{provider}");
		rule(STAFF, "GET /api/v1/users", "GET /api/v1/users/{id}");
		rule(ADMIN, "POST /api/v1/users", "PUT /api/v1/users/{id}", "DELETE /api/v1/users/{id}",
				"POST /api/v1/users/{id}/suspend", "POST /api/v1/users/{id}/reactivate",
				"GET /api/v1/admin/audit-events", "POST /api/v1/admin/signing-keys/rotate");
		// Sync
		rule(EVERY_ROLE, "GET /api/v1/sync/changes", "POST /api/v1/sync/batch");
		// Coaching: coaches invite and answer requests, see clients and keep notes;
		// anyone may be a client.
		rule(EnumSet.of(Role.COACH), "POST /api/v1/coaching/invitations", "POST /api/v1/coaching/invitation-codes",
				"GET /api/v1/coaching/invitations/sent", "GET /api/v1/coaching/requests",
				"POST /api/v1/coaching/requests/{id}/accept", "POST /api/v1/coaching/requests/{id}/decline",
				"GET /api/v1/coaching/clients", "GET /api/v1/coaching/clients/{clientId}",
				"GET /api/v1/coaching/clients/{clientId}/notes", "POST /api/v1/coaching/clients/{clientId}/notes",
				"GET /api/v1/coaching/clients/{clientId}/notes/{noteId}",
				"PATCH /api/v1/coaching/clients/{clientId}/notes/{noteId}",
				"DELETE /api/v1/coaching/clients/{clientId}/notes/{noteId}");
		rule(EVERY_ROLE, "GET /api/v1/coaching/coaches", "GET /api/v1/coaching/invitations",
				"POST /api/v1/coaching/invitations/{id}/accept", "POST /api/v1/coaching/invitations/{id}/decline",
				"POST /api/v1/coaching/invitations/redeem", "POST /api/v1/coaching/requests",
				"GET /api/v1/coaching/requests/sent", "GET /api/v1/coaching/relationships/{id}",
				"PATCH /api/v1/coaching/relationships/{id}", "DELETE /api/v1/coaching/relationships/{id}",
				"GET /api/v1/coaching/notes");
		// Habits: every signed-in user keeps their own habits; coaches see and assign a
		// client's habits (404 unless shared).
		rule(EVERY_ROLE, "GET /api/v1/habits", "POST /api/v1/habits", "GET /api/v1/habits/{id}",
				"PATCH /api/v1/habits/{id}", "DELETE /api/v1/habits/{id}", "POST /api/v1/habits/{id}/archive",
				"POST /api/v1/habits/{id}/restore", "POST /api/v1/habits/{id}/pause", "POST /api/v1/habits/{id}/resume",
				"PUT /api/v1/habits/order", "GET /api/v1/habits/{id}/stats", "GET /api/v1/habits/{id}/check-ins",
				"POST /api/v1/habits/{id}/check-ins", "GET /api/v1/habits/{id}/check-ins/{checkInId}",
				"PATCH /api/v1/habits/{id}/check-ins/{checkInId}", "DELETE /api/v1/habits/{id}/check-ins/{checkInId}",
				"GET /api/v1/habit-groups", "POST /api/v1/habit-groups", "GET /api/v1/habit-groups/{id}",
				"PATCH /api/v1/habit-groups/{id}", "DELETE /api/v1/habit-groups/{id}",
				"PUT /api/v1/habit-groups/order");
		rule(EnumSet.of(Role.COACH), "GET /api/v1/coaching/clients/{clientId}/habits",
				"POST /api/v1/coaching/clients/{clientId}/habits",
				"GET /api/v1/coaching/clients/{clientId}/habits/{id}/stats");
		// Mood and journal: every user keeps their own; coaches read what clients share.
		rule(EVERY_ROLE, "GET /api/v1/mood-logs", "POST /api/v1/mood-logs", "GET /api/v1/mood-logs/stats",
				"GET /api/v1/mood-logs/{id}", "PATCH /api/v1/mood-logs/{id}", "DELETE /api/v1/mood-logs/{id}",
				"GET /api/v1/journal-entries", "POST /api/v1/journal-entries", "GET /api/v1/journal-entries/{id}",
				"PATCH /api/v1/journal-entries/{id}", "DELETE /api/v1/journal-entries/{id}",
				"POST /api/v1/journal-entries/{id}/audio", "GET /api/v1/journal-entries/{id}/audio");
		rule(EnumSet.of(Role.COACH), "GET /api/v1/coaching/clients/{clientId}/mood-logs",
				"GET /api/v1/coaching/clients/{clientId}/mood-logs/stats",
				"GET /api/v1/coaching/clients/{clientId}/journal-entries",
				"GET /api/v1/coaching/clients/{clientId}/journal-entries/{id}",
				"GET /api/v1/coaching/clients/{clientId}/journal-entries/{id}/audio");
		// Progress
		rule(EVERY_ROLE, "GET /api/v1/progress");
		// Gamification: each user's own points, level, achievements and freezes
		rule(EVERY_ROLE, "GET /api/v1/me/level", "GET /api/v1/me/achievements", "GET /api/v1/me/points",
				"GET /api/v1/me/streak-freezes");
		// Goals and tasks: members' own; coaches see and assign a client's.
		rule(EVERY_ROLE, "GET /api/v1/goals", "POST /api/v1/goals", "GET /api/v1/goals/{id}",
				"PATCH /api/v1/goals/{id}", "DELETE /api/v1/goals/{id}", "PUT /api/v1/goals/{id}/habits",
				"GET /api/v1/goals/{id}/progress-history", "GET /api/v1/goals/{id}/milestones",
				"POST /api/v1/goals/{id}/milestones", "PATCH /api/v1/goals/{id}/milestones/{milestoneId}",
				"DELETE /api/v1/goals/{id}/milestones/{milestoneId}", "GET /api/v1/tasks", "POST /api/v1/tasks",
				"GET /api/v1/tasks/{id}", "PATCH /api/v1/tasks/{id}", "DELETE /api/v1/tasks/{id}",
				"POST /api/v1/tasks/{id}/complete", "GET /api/v1/tasks/{id}/completions",
				"DELETE /api/v1/tasks/{id}/completions/{date}");
		rule(EnumSet.of(Role.COACH), "GET /api/v1/coaching/clients/{clientId}/goals",
				"POST /api/v1/coaching/clients/{clientId}/goals",
				"GET /api/v1/coaching/clients/{clientId}/goals/{goalId}",
				"GET /api/v1/coaching/clients/{clientId}/goals/{goalId}/milestones",
				"GET /api/v1/coaching/clients/{clientId}/tasks", "POST /api/v1/coaching/clients/{clientId}/tasks");
		// Chat (community): every signed-in user has conversations; membership, not the
		// role, decides the rest (404 for non-members).
		rule(EVERY_ROLE, "GET /api/v1/chats", "POST /api/v1/chats", "GET /api/v1/chats/public",
				"GET /api/v1/chats/{id}", "PATCH /api/v1/chats/{id}", "GET /api/v1/chats/{id}/members",
				"POST /api/v1/chats/{id}/members", "PATCH /api/v1/chats/{id}/members/{userId}",
				"DELETE /api/v1/chats/{id}/members/{userId}", "POST /api/v1/chats/{id}/leave",
				"POST /api/v1/chats/{id}/join", "GET /api/v1/chats/{id}/messages", "POST /api/v1/chats/{id}/messages",
				"PATCH /api/v1/chats/{id}/messages/{messageId}", "DELETE /api/v1/chats/{id}/messages/{messageId}",
				"POST /api/v1/chats/{id}/read", "POST /api/v1/chats/{id}/attachments",
				"GET /api/v1/chats/{id}/attachments/{attachmentId}");
		// Push notifications: each user's own browser subscriptions and devices.
		rule(EVERY_ROLE, "GET /api/v1/notifications/push/vapid-public-key",
				"GET /api/v1/notifications/push/subscriptions", "POST /api/v1/notifications/push/subscriptions",
				"DELETE /api/v1/notifications/push/subscriptions/{id}", "GET /api/v1/notifications/push/devices",
				"POST /api/v1/notifications/push/devices", "DELETE /api/v1/notifications/push/devices/{id}");
		// Notifications by email (#5): the mail catcher is for admins only.
		rule(ADMIN, "GET /api/v1/admin/mail", "GET /api/v1/admin/mail/{id}");
		// Realtime: presence, answered only for users in the caller's audience.
		rule(EVERY_ROLE, "GET /api/v1/presence");
		// Notifications core: everyone has an inbox, preferences and a stream; admins
		// announce.
		rule(EVERY_ROLE, "GET /api/v1/notifications", "GET /api/v1/notifications/unread-count",
				"POST /api/v1/notifications/{id}/read", "POST /api/v1/notifications/read-all",
				"DELETE /api/v1/notifications/{id}", "GET /api/v1/notifications/preferences",
				"PUT /api/v1/notifications/preferences", "GET /api/v1/sse/notifications");
		rule(ADMIN, "POST /api/v1/admin/announcements");
		// Test-only fixtures of ApiConventionsIT; /boom fails on purpose.
		rule(EVERY_ROLE, "POST /api/v1/probe/echo", "GET /api/v1/probe/log", "GET /api/v1/probe/legacy",
				"GET /api/v1/probe/search", "POST /api/v1/probe/upload");
	}

	private static final Set<String> FAILS_ON_PURPOSE = Set.of("GET /api/v1/probe/boom");

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void shouldHaveAnExplicitRuleForEveryEndpoint() {
		Set<String> missing = new TreeSet<>(endpoints());
		missing.removeAll(RULES.keySet());
		missing.removeAll(FAILS_ON_PURPOSE);
		assertThat(missing).as("endpoints without an authorisation rule in this test").isEmpty();
	}

	@Test
	void shouldLetExactlyTheIntendedCallersThrough() {
		Http http = new Http(this.port);
		List<String> wrong = new ArrayList<>();
		Map<Role, String> tokens = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			tokens.put(role, freshToken(http, role));
		}
		for (String endpoint : endpoints()) {
			Set<Role> allowed = RULES.get(endpoint);
			if (allowed == null) {
				continue;
			}
			int anonymous = call(http, endpoint, null);
			expect(wrong, endpoint, "anonymous", anonymous, allowed == PUBLIC);
			for (Role role : Role.values()) {
				// Signing out ends the token: those endpoints get one of their own.
				String token = endpoint.contains("/logout") ? freshToken(http, role) : tokens.get(role);
				expect(wrong, endpoint, role.value(), call(http, endpoint, token),
						allowed == PUBLIC || allowed.contains(role));
			}
		}
		assertThat(wrong).isEmpty();
	}

	private String freshToken(Http http, Role role) {
		UserView user = AccountFixtures.create(this.accounts, role);
		return http.login(user.email(), AccountFixtures.PASSWORD);
	}

	private static void expect(List<String> wrong, String endpoint, String caller, int status, boolean allowed) {
		boolean refused = status == 401 || status == 403;
		if (status >= 500 || (allowed && refused) || (!allowed && !refused)) {
			wrong.add(endpoint + " as " + caller + " answered " + status
					+ (allowed ? " (should pass)" : " (should be refused)"));
		}
	}

	private Set<String> endpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/v1/")) {
					for (RequestMethod method : info.getMethodsCondition().getMethods()) {
						endpoints.add(method.name() + " " + pattern);
					}
				}
			}
		}
		return endpoints;
	}

	private static int call(Http http, String endpoint, String token) {
		String[] parts = endpoint.split(" ", 2);
		Matcher variables = Pattern.compile("\\{[^}]+}").matcher(parts[1]);
		String path = variables.replaceAll(UUID.randomUUID().toString());
		Http.Request request = switch (parts[0]) {
			case "GET" -> http.get(path);
			case "DELETE" -> http.delete(path);
			case "POST" -> http.post(path, "{}");
			case "PUT" -> http.put(path, "{}");
			case "PATCH" -> http.patch(path, "{}");
			default -> throw new IllegalStateException(endpoint);
		};
		if (token != null) {
			request.bearer(token);
		}
		return request.execute().status();
	}

	private static void rule(Set<Role> allowed, String... endpoints) {
		for (String endpoint : endpoints) {
			RULES.put(endpoint, allowed);
		}
	}

}
