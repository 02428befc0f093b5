package com.upcoach.community;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.platform.realtime.fanout.LocalSink;
import com.upcoach.shared.UserId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * One context for the chat tests: a transport on this node that records what the real
 * fan-out delivers (as the Socket.IO server will receive it), and the
 * {@link ChatMessagePosted} events the module published.
 */
@TestConfiguration(proxyBeanMethods = false)
class ChatTestConfiguration {

	@Bean
	RecordingSink chatRecordingSink() {
		return new RecordingSink();
	}

	@Bean
	PostedMessages chatPostedMessages() {
		return new PostedMessages();
	}

	/**
	 * Everything the fan-out hands to this node's transports.
	 */
	static final class RecordingSink implements LocalSink {

		private static final JsonMapper json = JsonMapper.builder().build();

		final List<Emitted> emitted = new CopyOnWriteArrayList<>();

		final List<Membership> memberships = new CopyOnWriteArrayList<>();

		@Override
		public void emit(String room, String event, String payload) {
			this.emitted.add(new Emitted(room, event, json.readTree(payload)));
		}

		@Override
		public void join(UserId user, String room) {
			this.memberships.add(new Membership("join", user.value(), room));
		}

		@Override
		public void leave(UserId user, String room) {
			this.memberships.add(new Membership("leave", user.value(), room));
		}

		@Override
		public void end(UserId user, UUID sessionId) {
		}

		/**
		 * The payloads of one event sent to one room, in order.
		 */
		List<JsonNode> payloads(String room, String event) {
			return this.emitted.stream()
				.filter((emit) -> emit.room().equals(room) && emit.event().equals(event))
				.map(Emitted::payload)
				.toList();
		}

		/**
		 * Every event name sent to one room, in order.
		 */
		List<String> events(String room) {
			return this.emitted.stream().filter((emit) -> emit.room().equals(room)).map(Emitted::event).toList();
		}

		List<Membership> memberships(String room) {
			return this.memberships.stream().filter((membership) -> membership.room().equals(room)).toList();
		}

	}

	record Emitted(String room, String event, JsonNode payload) {
	}

	record Membership(String kind, UUID user, String room) {
	}

	/**
	 * Every {@link ChatMessagePosted} published.
	 */
	static final class PostedMessages {

		final List<ChatMessagePosted> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ChatMessagePosted event) {
			this.events.add(event);
		}

		List<ChatMessagePosted> of(UUID chatId) {
			return this.events.stream().filter((event) -> event.chatId().equals(chatId)).toList();
		}

	}

}
