package com.upcoach.community;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.upcoach.IntegrationTest;
import com.upcoach.coaching.CoachInvitationAccepted;
import com.upcoach.identity.AccountManagement;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default's demo coach and member find a conversation in the app, started
 * once.
 */
@IntegrationTest
class ChatDemoDataIT {

	@Autowired
	AccountManagement accounts;

	@Autowired
	ChatManagement chats;

	@Autowired
	ChatDemoData demoData;

	@Test
	void shouldStartTheDemoCoachsConversationWithTheDemoMemberOnce() {
		UserId coach = new UserId(this.accounts.findByEmail(ChatDemoData.COACH).orElseThrow().id());
		UserId member = new UserId(this.accounts.findByEmail(ChatDemoData.MEMBER).orElseThrow().id());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.chats.conversations(member, PageRequest.of(0, 10)).getTotalElements() == 1);
		ChatView chat = this.chats.conversations(member, PageRequest.of(0, 10)).getContent().get(0);
		assertThat(chat.partner().id()).isEqualTo(coach.value());
		// Writing marks what came before as read: the coach's last word is new.
		assertThat(chat.unreadCount()).isEqualTo(1);
		assertThat(this.chats.messages(member, chat.id(), null, null, 100).messages()).hasSize(7);

		this.demoData.on(new CoachInvitationAccepted(UUID.randomUUID(), coach.value(), member.value()));
		assertThat(this.chats.messages(member, chat.id(), null, null, 100).messages()).hasSize(7);
	}

}
