package com.upcoach.notifications;

import java.util.Map;
import java.util.UUID;

import com.upcoach.coaching.CoachAssigned;
import com.upcoach.coaching.CoachInvitationAccepted;
import com.upcoach.coaching.CoachInvitationSent;
import com.upcoach.coaching.CoachingRequestAccepted;
import com.upcoach.community.ChatMessagePosted;
import com.upcoach.gamification.AchievementUnlocked;
import com.upcoach.goals.GoalCompleted;
import com.upcoach.goals.MilestoneReached;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.SecurityAlert;
import com.upcoach.platform.realtime.Presence;
import com.upcoach.shared.UserId;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' events into notifications. Each has a dedupe key made from the
 * event's ids, so an event published again after a restart notifies once.
 */
@Component
class NotificationListeners {

	private final NotificationCenter center;

	private final AccountManagement accounts;

	private final Presence presence;

	NotificationListeners(NotificationCenter center, AccountManagement accounts, Presence presence) {
		this.center = center;
		this.accounts = accounts;
		this.presence = presence;
	}

	@ApplicationModuleListener
	void on(MilestoneReached event) {
		this.center.notify(new NewNotification(new UserId(event.userId()), NotificationType.MILESTONE_REACHED,
				"Milestone reached: " + event.title(), "One step closer to your goal. Keep going!",
				"/app/goals/" + event.goalId(), Map.of("goalId", event.goalId(), "milestoneId", event.milestoneId()),
				"milestone_reached:" + event.milestoneId()));
	}

	@ApplicationModuleListener
	void on(GoalCompleted event) {
		this.center.notify(new NewNotification(new UserId(event.userId()), NotificationType.GOAL_COMPLETED,
				"Goal completed: " + event.title(), "You did it. Take a moment to celebrate, then set the next one.",
				"/app/goals/" + event.goalId(), Map.of("goalId", event.goalId()), "goal_completed:" + event.goalId()));
	}

	@ApplicationModuleListener
	void on(AchievementUnlocked event) {
		this.center.notify(new NewNotification(new UserId(event.userId()), NotificationType.ACHIEVEMENT_UNLOCKED,
				"Achievement unlocked: " + event.title(), "+" + event.points() + " points", "/app/achievements",
				Map.of("code", event.code(), "icon", event.icon(), "points", event.points()),
				"achievement_unlocked:" + event.code()));
	}

	@ApplicationModuleListener
	void on(CoachInvitationSent event) {
		// An invitation to an address without an account goes by email only (coaching
		// sends it).
		if (event.clientId() == null) {
			return;
		}
		String coach = nameOf(event.coachId());
		this.center.notify(new NewNotification(new UserId(event.clientId()), NotificationType.COACH_INVITATION,
				coach + " invited you to coaching", "Accept to share your progress and get guidance.",
				"/app/coaching/invitations",
				Map.of("relationshipId", event.relationshipId(), "coachId", event.coachId()),
				"coach_invitation:" + event.relationshipId()));
	}

	@ApplicationModuleListener
	void on(CoachInvitationAccepted event) {
		String client = nameOf(event.clientId());
		this.center.notify(new NewNotification(new UserId(event.coachId()), NotificationType.COACH_ACCEPTED,
				client + " accepted your invitation", "You can now see what they share with you.",
				"/app/coaching/clients/" + event.clientId(),
				Map.of("relationshipId", event.relationshipId(), "clientId", event.clientId()),
				"coach_accepted:" + event.relationshipId()));
	}

	@ApplicationModuleListener
	void on(CoachingRequestAccepted event) {
		String coach = nameOf(event.coachId());
		this.center.notify(new NewNotification(new UserId(event.clientId()), NotificationType.COACH_ACCEPTED,
				coach + " accepted your coaching request", "Your coach will see what you choose to share.",
				"/app/coaching", Map.of("relationshipId", event.relationshipId(), "coachId", event.coachId()),
				"coach_accepted:" + event.relationshipId()));
	}

	@ApplicationModuleListener
	void on(CoachAssigned event) {
		String coach = nameOf(event.coachId());
		this.center.notify(new NewNotification(new UserId(event.clientId()), NotificationType.COACH_ASSIGNMENT,
				coach + " assigned you a " + event.kind() + ": " + event.title(), null,
				"/app/" + event.kind() + "s/" + event.itemId(),
				Map.of("kind", event.kind(), "itemId", event.itemId(), "coachId", event.coachId()),
				"coach_assignment:" + event.kind() + ":" + event.itemId()));
	}

	@ApplicationModuleListener
	void on(SecurityAlert event) {
		this.center.notify(new NewNotification(new UserId(event.userId()), NotificationType.SECURITY_ALERT,
				event.title(), "If this was not you, change your password and sign out of your other sessions.",
				"/account/security", Map.of("kind", event.kind()),
				"security_alert:" + event.kind() + ":" + event.occurredAt().toEpochMilli()));
	}

	@ApplicationModuleListener
	void on(ChatMessagePosted event) {
		boolean direct = event.chatTitle() == null || event.chatTitle().equals(event.senderName());
		String title = direct ? event.senderName() : event.senderName() + " in " + event.chatTitle();
		// In id order, as announcements do: transactions that notify several users lock
		// their stream counters in one order and never deadlock.
		for (UUID recipient : event.recipientIds().stream().sorted().toList()) {
			UserId user = new UserId(recipient);
			// Someone online sees the message in the chat itself.
			if (this.presence.of(user).online()) {
				continue;
			}
			this.center.notify(new NewNotification(user, NotificationType.CHAT_MESSAGE, title, event.preview(),
					"/app/chat/" + event.chatId(),
					Map.of("chatId", event.chatId(), "messageId", event.messageId(), "senderId", event.senderId()),
					"chat:" + event.messageId()));
		}
	}

	private String nameOf(UUID user) {
		return this.accounts.profile(new UserId(user)).name();
	}

}
