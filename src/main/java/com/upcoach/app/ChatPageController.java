package com.upcoach.app;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.community.ChatManagement;
import com.upcoach.community.ChatView;
import com.upcoach.community.MemberView;
import com.upcoach.community.MessagePage;
import com.upcoach.community.MessageView;
import com.upcoach.community.NewChat;
import com.upcoach.community.NewMessage;
import com.upcoach.identity.AccountManagement;
import com.upcoach.platform.api.ApiException;
import com.upcoach.shared.UserId;

import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Chat in the app: the member's conversations with unread counts, and a conversation with
 * its history, a composer and, once the page's Socket.IO connection is up, messages,
 * typing and read state live. Messages are posted as forms with an id the page chose, so
 * a form sent twice posts once. The community module checks membership on every call:
 * someone else's conversation does not exist (404).
 */
@Controller
@RequestMapping("/app/chat")
class ChatPageController {

	static final int CONVERSATIONS = 20;

	static final int MESSAGES = 30;

	private final ChatManagement chats;

	private final AccountManagement accounts;

	private final JsonMapper json;

	private final MessageSource messages;

	ChatPageController(ChatManagement chats, AccountManagement accounts, JsonMapper json, MessageSource messages) {
		this.chats = chats;
		this.accounts = accounts;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping
	String conversations(UserId me, @RequestParam(defaultValue = "0") int page, Model model) {
		showConversations(me, page, model);
		return "app/chat";
	}

	/** The list alone, which the page fetches again when a message arrives. */
	@GetMapping("/list")
	String list(UserId me, @RequestParam(defaultValue = "0") int page, Model model) {
		showConversations(me, page, model);
		return "app/chat :: list";
	}

	/**
	 * Open the direct conversation with a coach or client, starting it the first time.
	 */
	@PostMapping
	String start(UserId me, @RequestParam UUID userId) {
		ChatView chat = this.chats.create(me, new NewChat(null, "direct", userId, null, null, null)).value();
		return "redirect:/app/chat/" + chat.id();
	}

	@GetMapping("/{chatId}")
	String conversation(UserId me, @PathVariable UUID chatId, @RequestParam(required = false) Long before,
			Model model) {
		ChatView chat = this.chats.chat(me, chatId);
		Map<String, Long> reads = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		for (MemberView member : this.chats.members(me, chatId, PageRequest.of(0, ChatManagement.MAX_PAGE))) {
			names.put(member.user().id().toString(), member.user().name());
			if (!member.user().id().equals(me.value())) {
				reads.put(member.user().id().toString(), member.lastReadSeq());
			}
		}
		model.addAttribute("chat", chat);
		model.addAttribute("chatId", chatId);
		model.addAttribute("title", title(chat));
		model.addAttribute("reads", this.json.writeValueAsString(reads));
		model.addAttribute("names", this.json.writeValueAsString(names));
		slice(me, this.chats.messages(me, chatId, cursor(before), null, MESSAGES), seen(reads), model);
		model.addAttribute("draftId", UUID.randomUUID());
		return "app/conversation";
	}

	/**
	 * Messages after or before a position ({@code seq}), oldest first: what the page adds
	 * when it hears of new ones or shows earlier ones.
	 */
	@GetMapping("/{chatId}/messages")
	String messages(UserId me, @PathVariable UUID chatId, @RequestParam(required = false) Long before,
			@RequestParam(required = false) Long after, Model model) {
		slice(me, this.chats.messages(me, chatId, cursor(before), cursor(after), MESSAGES), 0, model);
		return "app/conversation :: slice";
	}

	/** One message as it is now, after an edit or a delete. */
	@GetMapping("/{chatId}/messages/{messageId}")
	String message(UserId me, @PathVariable UUID chatId, @PathVariable UUID messageId, Model model) {
		model.addAttribute("item", item(me, this.chats.message(me, chatId, messageId), zone(me), 0));
		return "app/conversation :: message";
	}

	/**
	 * Post a message. In the page (htmx) the answer is a fresh composer and a
	 * {@code chat:sent} trigger, on which the page fetches what is new, its own message
	 * among it; without scripts, the conversation again.
	 */
	@PostMapping("/{chatId}/messages")
	String post(UserId me, @PathVariable UUID chatId, @RequestParam UUID id,
			@RequestParam(defaultValue = "") String text,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale,
			HttpServletResponse response, Model model) {
		Messages messages = new Messages(this.messages, locale);
		if (text.length() > ChatManagement.MAX_TEXT) {
			throw ApiException.validation("text", messages.get("app.chat.tooLong", ChatManagement.MAX_TEXT));
		}
		if (text.isBlank()) {
			throw ApiException.validation("text", messages.get("app.chat.blank"));
		}
		this.chats.post(me, chatId, new NewMessage(id, text, null));
		if (htmx == null) {
			return "redirect:/app/chat/" + chatId;
		}
		response.setHeader("HX-Trigger", "chat:sent");
		model.addAttribute("chatId", chatId);
		model.addAttribute("draftId", UUID.randomUUID());
		return "app/conversation :: composer";
	}

	@PostMapping("/{chatId}/messages/{messageId}/delete")
	String delete(UserId me, @PathVariable UUID chatId, @PathVariable UUID messageId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		MessageView deleted = this.chats.delete(me, chatId, messageId);
		if (htmx == null) {
			return "redirect:/app/chat/" + chatId;
		}
		model.addAttribute("item", item(me, deleted, zone(me), 0));
		return "app/conversation :: message";
	}

	/** The member has seen the conversation up to this message. */
	@PostMapping("/{chatId}/read")
	ResponseEntity<Void> read(UserId me, @PathVariable UUID chatId, @RequestParam UUID messageId) {
		this.chats.read(me, chatId, messageId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{chatId}/attachments/{attachmentId}")
	ResponseEntity<Resource> attachment(UserId me, @PathVariable UUID chatId, @PathVariable UUID attachmentId) {
		return this.chats.attachment(me, chatId, attachmentId).download();
	}

	private void showConversations(UserId me, int page, Model model) {
		Page<ChatView> found = this.chats.conversations(me,
				PageRequest.of(Math.max(page, 0), CONVERSATIONS, ChatManagement.ACTIVITY));
		ZoneId zone = zone(me);
		model.addAttribute("conversations",
				found
					.map((chat) -> Map.of("chat", chat, "title", title(chat), "at", chat.lastActivityAt().atZone(zone)))
					.getContent());
		model.addAttribute("page", found);
	}

	// A slice comes newest first; the page shows it oldest first.
	private void slice(UserId me, MessagePage page, long seen, Model model) {
		ZoneId zone = zone(me);
		List<Map<String, Object>> items = new ArrayList<>();
		for (MessageView message : page.messages()) {
			items.add(item(me, message, zone, seen));
		}
		Collections.reverse(items);
		model.addAttribute("messages", items);
		model.addAttribute("hasMore", page.hasMore());
		model.addAttribute("earlier", page.hasMore() ? page.before() : null);
	}

	private static Map<String, Object> item(UserId me, MessageView message, ZoneId zone, long seen) {
		boolean mine = message.sender() != null && me.value().equals(message.sender().id());
		return Map.of("m", message, "at", message.createdAt().atZone(zone), "mine", mine, "seen",
				mine && message.seq() <= seen);
	}

	// A direct conversation is named after the other person, a group by its title.
	private static String title(ChatView chat) {
		return (chat.partner() != null) ? chat.partner().name() : chat.title();
	}

	// Own messages count as seen once everyone else in the conversation has read them.
	private static long seen(Map<String, Long> reads) {
		return reads.values().stream().mapToLong(Long::longValue).min().orElse(0);
	}

	private ZoneId zone(UserId me) {
		return ZoneId.of(this.accounts.profile(me).timeZone());
	}

	private static String cursor(Long seq) {
		return (seq != null) ? seq.toString() : null;
	}

}
