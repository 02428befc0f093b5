package com.upcoach.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.upcoach.Http;
import com.upcoach.coaching.CoachAssigned;
import com.upcoach.coaching.CoachingManagement;
import com.upcoach.coaching.CoachingRequestAccepted;
import com.upcoach.community.ChatMessagePosted;
import com.upcoach.gamification.AchievementUnlocked;
import com.upcoach.goals.GoalCompleted;
import com.upcoach.goals.MilestoneReached;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.SecurityAlert;
import com.upcoach.notifications.NotificationTestConfiguration.TestPresence;
import com.upcoach.shared.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The other modules' events become notifications, once each even when an event is
 * published again.
 */
@NotificationIntegrationTest
class NotificationListenersIT {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoachingManagement coaching;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	TestPresence presence;

	NotificationFixtures me;

	@BeforeEach
	void signIn() {
		this.me = NotificationFixtures.user(new Http(this.port), this.accounts);
	}

	@Test
	void shouldNotifyGoalsMilestonesAndAchievementsOnceEvenWhenAnEventIsPublishedAgain() {
		UUID goal = UUID.randomUUID();
		UUID milestone = UUID.randomUUID();
		Instant now = Instant.now();
		GoalCompleted completed = new GoalCompleted(this.me.user.id(), goal, "Run a marathon", now);
		publish(completed);
		publish(new MilestoneReached(this.me.user.id(), goal, milestone, "First 10 km", now));
		publish(new AchievementUnlocked(this.me.user.id(), "streak_7", "A week in a row", "flame", 50, now));
		JsonNode list = awaitNotifications(this.me, 3);
		publish(completed);
		publish(new AchievementUnlocked(this.me.user.id(), "streak_7", "A week in a row", "flame", 50, now));
		// Gamification may add achievements of its own for the goal: count by type.
		pause();
		assertThat(count(this.me, "goal_completed")).as("a republished event notifies once").isEqualTo(1);
		assertThat(count(this.me, "milestone_reached")).isEqualTo(1);
		assertThat(this.me.get("/api/v1/notifications?type=achievement_unlocked&size=100")
			.json()
			.at("/data")
			.findValuesAsString("code")).containsOnlyOnce("streak_7");
		list = this.me.get("/api/v1/notifications?size=100").json().at("/data");

		JsonNode goalNotification = find(list, "goal_completed");
		assertThat(goalNotification.at("/title").asString()).isEqualTo("Goal completed: Run a marathon");
		assertThat(goalNotification.at("/link").asString()).isEqualTo("/app/goals/" + goal);
		assertThat(goalNotification.at("/data/goalId").asString()).isEqualTo(goal.toString());
		assertThat(find(list, "milestone_reached").at("/title").asString()).isEqualTo("Milestone reached: First 10 km");
		JsonNode achievement = null;
		for (JsonNode item : list) {
			if ("streak_7".equals(item.at("/data/code").asString())) {
				achievement = item;
			}
		}
		assertThat(achievement).isNotNull();
		assertThat(achievement.at("/type").asString()).isEqualTo("achievement_unlocked");
		assertThat(achievement.at("/title").asString()).isEqualTo("Achievement unlocked: A week in a row");
		assertThat(achievement.at("/body").asString()).isEqualTo("+50 points");
	}

	@Test
	void shouldTellTheInvitedUserAndThenTheCoachWhenTheyAccept() {
		NotificationFixtures coach = new NotificationFixtures(this.me.http, this.accounts, Role.COACH);
		UUID invitation = this.coaching.invite(coach.id(), UUID.randomUUID(), this.me.user.email(), "Let's work")
			.value()
			.id();
		JsonNode invited = awaitNotifications(this.me, 1).get(0);
		assertThat(invited.at("/type").asString()).isEqualTo("coach_invitation");
		assertThat(invited.at("/title").asString()).isEqualTo(coach.user.name() + " invited you to coaching");
		assertThat(invited.at("/link").asString()).isEqualTo("/app/coaching/invitations");

		this.coaching.acceptInvitation(this.me.id(), invitation, Set.of());
		JsonNode accepted = awaitNotifications(coach, 1).get(0);
		assertThat(accepted.at("/type").asString()).isEqualTo("coach_accepted");
		assertThat(accepted.at("/title").asString()).isEqualTo(this.me.user.name() + " accepted your invitation");
		assertThat(accepted.at("/link").asString()).isEqualTo("/app/coaching/clients/" + this.me.user.id());
	}

	@Test
	void shouldTellTheClientOfAnAcceptedRequestAndOfWhatTheCoachAssigned() {
		NotificationFixtures coach = new NotificationFixtures(this.me.http, this.accounts, Role.COACH);
		publish(new CoachingRequestAccepted(UUID.randomUUID(), coach.user.id(), this.me.user.id()));
		UUID task = UUID.randomUUID();
		publish(new CoachAssigned(this.me.user.id(), coach.user.id(), "task", task, "Write a journal entry",
				Instant.now()));
		JsonNode list = awaitNotifications(this.me, 2);
		assertThat(find(list, "coach_accepted").at("/title").asString())
			.isEqualTo(coach.user.name() + " accepted your coaching request");
		JsonNode assigned = find(list, "coach_assignment");
		assertThat(assigned.at("/title").asString())
			.isEqualTo(coach.user.name() + " assigned you a task: Write a journal entry");
		assertThat(assigned.at("/link").asString()).isEqualTo("/app/tasks/" + task);
	}

	@Test
	void shouldShowSecurityAlertsInTheAppWithoutEmailingThemAgain() {
		publish(new SecurityAlert(this.me.user.id(), "new_sign_in", "New sign-in from Firefox on Linux",
				Instant.now()));
		JsonNode alert = awaitNotifications(this.me, 1).get(0);
		assertThat(alert.at("/type").asString()).isEqualTo("security_alert");
		assertThat(alert.at("/title").asString()).isEqualTo("New sign-in from Firefox on Linux");
		assertThat(alert.at("/link").asString()).isEqualTo("/account/security");
	}

	@Test
	void shouldNotifyOnlyChatRecipientsWhoAreOffline() {
		NotificationFixtures online = NotificationFixtures.user(this.me.http, this.accounts);
		this.presence.online.add(online.user.id());
		try {
			UUID chat = UUID.randomUUID();
			UUID message = UUID.randomUUID();
			ChatMessagePosted posted = new ChatMessagePosted(chat, message, UUID.randomUUID(), "Ada", "Runners",
					List.of(this.me.user.id(), online.user.id()), "See you at 7?", Instant.now());
			publish(posted);
			JsonNode notification = awaitNotifications(this.me, 1).get(0);
			assertThat(notification.at("/type").asString()).isEqualTo("chat_message");
			assertThat(notification.at("/title").asString()).isEqualTo("Ada in Runners");
			assertThat(notification.at("/body").asString()).isEqualTo("See you at 7?");
			assertThat(notification.at("/link").asString()).isEqualTo("/app/chat/" + chat);
			publish(posted);
			assertThat(stableCount(this.me)).isEqualTo(1);
			assertThat(stableCount(online)).as("an online member reads it in the chat").isZero();
		}
		finally {
			this.presence.online.remove(online.user.id());
		}
	}

	private void publish(Object event) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> this.events.publishEvent(event));
	}

	private static JsonNode awaitNotifications(NotificationFixtures user, int count) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> user.get("/api/v1/notifications").json().at("/pagination/totalElements").asInt() >= count);
		return user.get("/api/v1/notifications").json().at("/data");
	}

	// Gives listeners of a republished event time to (wrongly) add one.
	private static int stableCount(NotificationFixtures user) {
		pause();
		return user.get("/api/v1/notifications").json().at("/pagination/totalElements").asInt();
	}

	private static int count(NotificationFixtures user, String type) {
		return user.get("/api/v1/notifications?type=" + type).json().at("/pagination/totalElements").asInt();
	}

	private static void pause() {
		try {
			Thread.sleep(1500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static JsonNode find(JsonNode list, String type) {
		for (JsonNode item : list) {
			if (type.equals(item.at("/type").asString())) {
				return item;
			}
		}
		throw new AssertionError("No " + type + " in " + list);
	}

}
