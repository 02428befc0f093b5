package com.upcoach.community;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.coaching.CoachInvitationAccepted;
import com.upcoach.identity.AccountManagement;
import com.upcoach.shared.UserId;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The demo coach and member have a conversation to open: started, with a few messages,
 * once the demo data has connected them. Other accounts get nothing.
 */
@Component
class ChatDemoData {

	static final String COACH = "coach@demo.upcoach.local";

	static final String MEMBER = "member@demo.upcoach.local";

	/** Who says what, in order: {@code true} for the coach. */
	private static final List<Line> LINES = List.of(
			new Line(true, "Hi! How did the first week with the new routine go?"),
			new Line(false, "Better than I expected. The wind-down worked five evenings out of seven."),
			new Line(true, "That is a great start. What happened on the other two?"),
			new Line(false, "Friday and Saturday. Late dinners with friends, and then the phone came to bed."),
			new Line(true, "Weekends are where most routines slip. Shall we plan a lighter version just for them?"),
			new Line(false, "Yes please. Maybe a 23:30 wind-down on weekends instead of 22:30?"),
			new Line(true, "Let us try that. I added it to your notes; tell me on Monday how it went."));

	private static final Logger logger = LoggerFactory.getLogger(ChatDemoData.class);

	private final AccountManagement accounts;

	private final ChatManagement chats;

	ChatDemoData(AccountManagement accounts, ChatManagement chats) {
		this.accounts = accounts;
		this.chats = chats;
	}

	@ApplicationModuleListener
	void on(CoachInvitationAccepted event) {
		UserId coach = new UserId(event.coachId());
		UserId member = new UserId(event.clientId());
		if (!COACH.equals(this.accounts.profile(coach).email())
				|| !MEMBER.equals(this.accounts.profile(member).email())) {
			return;
		}
		ChatManagement.Created<ChatView> chat = this.chats.create(coach,
				new NewChat(null, "direct", member.value(), null, null, null));
		if (!chat.created()) {
			return;
		}
		for (Line line : LINES) {
			this.chats.post(line.coach() ? coach : member, chat.value().id(),
					new NewMessage(UUID.randomUUID(), line.text(), null));
		}
		logger.info("Started the demo coach's conversation with the demo member");
	}

	private record Line(boolean coach, String text) {
	}

}
