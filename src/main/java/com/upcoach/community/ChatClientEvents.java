package com.upcoach.community;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.ErrorEnvelope.FieldProblem;
import com.upcoach.platform.realtime.ClientEventHandler;
import com.upcoach.shared.UserId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Socket.IO clients may emit about conversations; each does what the REST endpoint
 * does, through the same facade, so a message posted either way lands in the same place
 * with the same idempotency by client id.
 */
@Configuration(proxyBeanMethods = false)
class ChatClientEvents {

	/**
	 * {@code chat:message} {@code {chatId, id, text, attachmentIds}}: post; the
	 * acknowledgement carries the message.
	 */
	@Bean
	ClientEventHandler chatMessageHandler(ChatManagement chats, JsonMapper json, Validator validator) {
		return new Handler<>(ChatManagement.MESSAGE_EVENT, MessageEmit.class, json, validator,
				(user, emit) -> chats
					.post(user, emit.chatId(), new NewMessage(emit.id(), emit.text(), emit.attachmentIds()))
					.value());
	}

	/**
	 * {@code chat:typing} {@code {chatId, typing}}: told to the conversation, not stored;
	 * no acknowledgement data.
	 */
	@Bean
	ClientEventHandler chatTypingHandler(ChatManagement chats, JsonMapper json, Validator validator) {
		return new Handler<>(ChatManagement.TYPING_EVENT, TypingEmit.class, json, validator, (user, emit) -> {
			chats.typing(user, emit.chatId(), emit.typing());
			return null;
		});
	}

	/**
	 * {@code chat:read} {@code {chatId, messageId}}: the acknowledgement carries the read
	 * position.
	 */
	@Bean
	ClientEventHandler chatReadHandler(ChatManagement chats, JsonMapper json, Validator validator) {
		return new Handler<>(ChatManagement.READ_EVENT, ReadEmit.class, json, validator,
				(user, emit) -> chats.read(user, emit.chatId(), emit.messageId()));
	}

	record MessageEmit(@NotNull UUID chatId, UUID id, @Size(max = ChatManagement.MAX_TEXT) String text,
			@Size(max = ChatManagement.MAX_ATTACHMENTS) List<@NotNull UUID> attachmentIds) {
	}

	record TypingEmit(@NotNull UUID chatId, @NotNull Boolean typing) {
	}

	record ReadEmit(@NotNull UUID chatId, @NotNull UUID messageId) {
	}

	/**
	 * Reads and validates an emit's payload as the REST layer does its bodies: the same
	 * 400 with field details for bad input.
	 */
	static final class Handler<T> implements ClientEventHandler {

		private final String event;

		private final Class<T> type;

		private final JsonMapper json;

		private final Validator validator;

		private final BiFunction<UserId, T, Object> action;

		Handler(String event, Class<T> type, JsonMapper json, Validator validator,
				BiFunction<UserId, T, Object> action) {
			this.event = event;
			this.type = type;
			this.json = json;
			this.validator = validator;
			this.action = action;
		}

		@Override
		public String event() {
			return this.event;
		}

		@Override
		public Object handle(UserId user, JsonNode payload) {
			if (payload == null || !payload.isObject()) {
				throw ApiException.validation("payload", "must be a JSON object");
			}
			T value;
			try {
				value = this.json.treeToValue(payload, this.type);
			}
			catch (JacksonException ex) {
				throw new ApiException(ErrorCode.VALIDATION_ERROR, "Malformed payload",
						List.of(new FieldProblem("payload", ex.getOriginalMessage())));
			}
			List<FieldProblem> problems = this.validator.validate(value)
				.stream()
				.map((violation) -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
				.sorted(Comparator.comparing(FieldProblem::field))
				.toList();
			if (!problems.isEmpty()) {
				throw new ApiException(ErrorCode.VALIDATION_ERROR, "Invalid input", problems);
			}
			return this.action.apply(user, value);
		}

	}

}
