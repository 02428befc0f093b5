package com.upcoach.community;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import com.upcoach.community.domain.Chat;
import com.upcoach.community.domain.ChatAttachment;
import com.upcoach.community.domain.ChatAttachmentRepository;
import com.upcoach.community.domain.ChatMember;
import com.upcoach.community.domain.ChatMemberRepository;
import com.upcoach.community.domain.ChatMessage;
import com.upcoach.community.domain.ChatMessageRepository;
import com.upcoach.community.domain.ChatRepository;
import com.upcoach.community.domain.ChatVisibility;
import com.upcoach.community.domain.MemberRole;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.CoachingRelationships;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.ErrorEnvelope.FieldProblem;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.platform.realtime.Realtime;
import com.upcoach.platform.realtime.Rooms;
import com.upcoach.platform.storage.FileStorage;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The community module's API: conversations (direct, a coach's group of clients,
 * community groups), their members and messages, read positions, typing and files.
 * Whoever is not a member of a conversation is told it does not exist (404). Every change
 * reaches the conversation's realtime room {@code chat:{id}} after commit.
 */
@Service
public class ChatManagement {

	/** Realtime event names, sent to {@code chat:{id}}. */
	public static final String MESSAGE_EVENT = "chat:message";

	public static final String MESSAGE_UPDATED_EVENT = "chat:message:updated";

	public static final String MESSAGE_DELETED_EVENT = "chat:message:deleted";

	public static final String READ_EVENT = "chat:read";

	public static final String TYPING_EVENT = "chat:typing";

	public static final int MAX_TEXT = 4000;

	public static final int MAX_TITLE = 100;

	public static final int MAX_ATTACHMENTS = 10;

	public static final int MAX_PAGE = 100;

	/** Conversations newest activity first; ties broken by id so pages never overlap. */
	public static final Sort ACTIVITY = Sort.by(Sort.Order.desc("lastActivityAt"), Sort.Order.desc("id"));

	private static final int PREVIEW = 140;

	private static final SecureRandom random = new SecureRandom();

	private final ChatRepository chats;

	private final ChatMemberRepository members;

	private final ChatMessageRepository messages;

	private final ChatAttachmentRepository attachments;

	private final AccountManagement accounts;

	private final ObjectProvider<CoachingRelationships> coaching;

	private final Realtime realtime;

	private final TypingThrottle typing;

	private final FileStorage storage;

	private final ApplicationEventPublisher events;

	private final CommunitySettings settings;

	private final TransactionTemplate transactions;

	private final EntityManager entityManager;

	private final Clock clock;

	ChatManagement(ChatRepository chats, ChatMemberRepository members, ChatMessageRepository messages,
			ChatAttachmentRepository attachments, AccountManagement accounts,
			ObjectProvider<CoachingRelationships> coaching, Realtime realtime, TypingThrottle typing,
			FileStorage storage, ApplicationEventPublisher events, CommunitySettings settings,
			PlatformTransactionManager transactionManager, EntityManager entityManager, Clock clock) {
		this.chats = chats;
		this.members = members;
		this.messages = messages;
		this.attachments = attachments;
		this.accounts = accounts;
		this.coaching = coaching;
		this.realtime = realtime;
		this.typing = typing;
		this.storage = storage;
		this.events = events;
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactionManager);
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/**
	 * The user's conversations, the most recently active first, each with its newest
	 * message and the user's unread count.
	 */
	@Transactional(readOnly = true)
	public Page<ChatView> conversations(UserId user, Pageable pageable) {
		Page<Chat> page = this.chats.findForMember(user.value(), withActivitySort(pageable));
		return new PageImpl<>(views(user, page.getContent()), page.getPageable(), page.getTotalElements());
	}

	/**
	 * The community groups anyone may join, optionally whose title contains some text.
	 */
	@Transactional(readOnly = true)
	public Page<ChatView> publicGroups(UserId user, String text, Pageable pageable) {
		String pattern = (text == null || text.isBlank()) ? null : "%"
				+ text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
		Page<Chat> page = this.chats.findPublic(pattern, withActivitySort(pageable));
		return new PageImpl<>(views(user, page.getContent()), page.getPageable(), page.getTotalElements());
	}

	/**
	 * Start a conversation. A direct one is possible only with the user's coach or client
	 * (an active relationship) or someone they share a group with, and a pair has one:
	 * asking again returns it. A private group is a coach with some of their clients; a
	 * public group anyone may start.
	 * @throws ApiException {@code FORBIDDEN} for someone the user may not talk to
	 */
	public Created<ChatView> create(UserId user, NewChat request) {
		try {
			return this.transactions.execute((status) -> createInTransaction(user, request));
		}
		catch (DataIntegrityViolationException ex) {
			if (!"direct".equals(request.kind())) {
				throw ex;
			}
			// The other person started the same conversation at the same moment: theirs
			// won, and is the one to return.
			return this.transactions.execute((status) -> createInTransaction(user, request));
		}
	}

	/**
	 * One of the user's conversations.
	 */
	@Transactional(readOnly = true)
	public ChatView chat(UserId user, UUID chatId) {
		membership(user, chatId);
		return view(user, chat(chatId));
	}

	/**
	 * Rename a group (its owner and admins).
	 */
	@Transactional
	public ChatView rename(UserId user, UUID chatId, ChatChanges changes) {
		ChatMember member = membership(user, chatId);
		Chat chat = chat(chatId);
		requireGroup(chat);
		requireManager(member);
		chat.rename(changes.title().strip());
		this.chats.saveAndFlush(chat);
		return view(user, chat);
	}

	/**
	 * The members of one of the user's conversations with how far each has read, the
	 * longest-standing first.
	 */
	@Transactional(readOnly = true)
	public Page<MemberView> members(UserId user, UUID chatId, Pageable pageable) {
		membership(user, chatId);
		Map<UUID, ChatPerson> people = new HashMap<>();
		return this.members
			.findByChatId(chatId,
					PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
							Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id"))))
			.map((member) -> memberView(member, people));
	}

	/**
	 * Add people to a group (its owner and admins). A coach's private group takes only
	 * the coach's clients; a public group takes people the adding member may talk to.
	 * People already in it are left as they are.
	 */
	@Transactional
	public ChatView addMembers(UserId user, UUID chatId, NewMembers request) {
		ChatMember member = membership(user, chatId);
		Chat chat = lock(chatId);
		requireGroup(chat);
		requireManager(member);
		Set<UUID> current = Set.copyOf(this.members.findByChatIdAndUserIdIn(chatId, request.userIds())
			.stream()
			.map(ChatMember::getUserId)
			.toList());
		List<UUID> added = new ArrayList<>();
		List<FieldProblem> refused = new ArrayList<>();
		for (int i = 0; i < request.userIds().size(); i++) {
			UUID candidate = request.userIds().get(i);
			if (current.contains(candidate) || added.contains(candidate)) {
				continue;
			}
			Optional<String> problem = mayAdd(chat, user, candidate);
			if (problem.isPresent()) {
				refused.add(new FieldProblem("userIds[" + i + "]", problem.get()));
			}
			added.add(candidate);
		}
		if (!refused.isEmpty()) {
			throw new ApiException(ErrorCode.FORBIDDEN, "Some of these people cannot be added", refused);
		}
		requireRoom(chat, added.size());
		Optional<ChatMessage> last = lastMessage(chat);
		added.forEach((candidate) -> addMember(chat, candidate, MemberRole.MEMBER, last));
		this.chats.saveAndFlush(chat);
		return view(user, chat);
	}

	/**
	 * Make a member an admin or a plain member again (the group's owner).
	 */
	@Transactional
	public MemberView changeMember(UserId user, UUID chatId, UUID memberId, MemberChanges changes) {
		ChatMember member = membership(user, chatId);
		requireGroup(chat(chatId));
		if (member.getRole() != MemberRole.OWNER) {
			throw new ApiException(ErrorCode.FORBIDDEN, "Only the group's owner can change roles");
		}
		ChatMember target = this.members.findByChatIdAndUserId(chatId, memberId)
			.orElseThrow(() -> new NotFoundException("Member", memberId));
		if (target.getRole() == MemberRole.OWNER) {
			throw ApiException.conflict("The owner's role cannot be changed");
		}
		target.changeRole(MemberRole.valueOf(changes.role().toUpperCase(Locale.ROOT)));
		this.members.saveAndFlush(target);
		return memberView(target, new HashMap<>());
	}

	/**
	 * Take someone out of a group (owner: anyone; admin: plain members), or leave it when
	 * the member is the user.
	 */
	@Transactional
	public void removeMember(UserId user, UUID chatId, UUID memberId) {
		if (user.value().equals(memberId)) {
			leave(user, chatId);
			return;
		}
		ChatMember member = membership(user, chatId);
		Chat chat = lock(chatId);
		requireGroup(chat);
		requireManager(member);
		ChatMember target = this.members.findByChatIdAndUserId(chatId, memberId)
			.orElseThrow(() -> new NotFoundException("Member", memberId));
		if (target.getRole() == MemberRole.OWNER
				|| (member.getRole() == MemberRole.ADMIN && target.getRole() == MemberRole.ADMIN)) {
			throw new ApiException(ErrorCode.FORBIDDEN, "Admins can remove members only; nobody removes the owner");
		}
		removeMember(chat, target);
	}

	/**
	 * Leave a group. An owner who leaves hands the group to its longest-standing admin,
	 * or else member.
	 */
	@Transactional
	public void leave(UserId user, UUID chatId) {
		membership(user, chatId);
		Chat chat = lock(chatId);
		if (chat.isDirect()) {
			throw ApiException.conflict("A direct conversation cannot be left");
		}
		ChatMember member = this.members.findByChatIdAndUserId(chatId, user.value())
			.orElseThrow(() -> new NotFoundException("Chat", chatId));
		removeMember(chat, member);
		if (member.getRole() == MemberRole.OWNER) {
			Optional<ChatMember> successor = this.members
				.findFirstByChatIdAndRoleOrderByCreatedAtAsc(chatId, MemberRole.ADMIN)
				.or(() -> this.members.findFirstByChatIdAndRoleOrderByCreatedAtAsc(chatId, MemberRole.MEMBER));
			successor.ifPresent((next) -> next.changeRole(MemberRole.OWNER));
			chat.transferTo(successor.map(ChatMember::getUserId).orElse(null));
		}
		this.chats.saveAndFlush(chat);
	}

	/**
	 * Join a public group; joining one the user is in already returns it. Private
	 * conversations answer 404.
	 */
	@Transactional
	public ChatView join(UserId user, UUID chatId) {
		Chat chat = this.chats.lockById(chatId)
			.filter(Chat::isPublic)
			.orElseThrow(() -> new NotFoundException("Chat", chatId));
		if (!this.members.existsByChatIdAndUserId(chatId, user.value())) {
			requireRoom(chat, 1);
			addMember(chat, user.value(), MemberRole.MEMBER, lastMessage(chat));
			this.chats.saveAndFlush(chat);
		}
		return view(user, chat);
	}

	/**
	 * A slice of the history, newest first: the newest messages, or those before or after
	 * a cursor (a message's {@code seq}). A slice after a cursor holds the oldest
	 * messages after it, so reading forward slice by slice misses nothing.
	 * @param before a cursor, or {@code null}
	 * @param after a cursor, or {@code null} (not with {@code before})
	 * @param limit 1 to {@value #MAX_PAGE}
	 */
	@Transactional(readOnly = true)
	public MessagePage messages(UserId user, UUID chatId, String before, String after, int limit) {
		membership(user, chatId);
		if (before != null && after != null) {
			throw ApiException.validation("after", "send before or after, not both");
		}
		if (limit < 1 || limit > MAX_PAGE) {
			throw ApiException.validation("limit", "must be between 1 and " + MAX_PAGE);
		}
		Limit fetch = Limit.of(limit + 1);
		List<ChatMessage> found;
		if (after != null) {
			found = new ArrayList<>(
					this.messages.findByChatIdAndSeqGreaterThanOrderBySeqAsc(chatId, cursor("after", after), fetch));
		}
		else if (before != null) {
			found = this.messages.findByChatIdAndSeqLessThanOrderBySeqDesc(chatId, cursor("before", before), fetch);
		}
		else {
			found = this.messages.findByChatIdOrderBySeqDesc(chatId, fetch);
		}
		boolean hasMore = found.size() > limit;
		List<ChatMessage> slice = new ArrayList<>(found.subList(0, Math.min(limit, found.size())));
		if (after != null) {
			Collections.reverse(slice);
		}
		if (slice.isEmpty()) {
			return new MessagePage(List.of(), false, before, after);
		}
		return new MessagePage(messageViews(slice), hasMore, String.valueOf(slice.get(slice.size() - 1).getSeq()),
				String.valueOf(slice.get(0).getSeq()));
	}

	/**
	 * One message of one of the user's conversations, as it is now.
	 */
	@Transactional(readOnly = true)
	public MessageView message(UserId user, UUID chatId, UUID messageId) {
		membership(user, chatId);
		return messageView(message(chatId, messageId));
	}

	/**
	 * Post a message. A retry with the same id returns the message posted the first time
	 * and posts nothing; an id used by someone else or elsewhere is a conflict. In a
	 * direct conversation the two must still be allowed to talk (coach and client, or a
	 * shared group).
	 */
	@Transactional
	public Created<MessageView> post(UserId user, UUID chatId, NewMessage request) {
		membership(user, chatId);
		String text = blankToNull(request.text());
		List<UUID> files = (request.attachmentIds() != null) ? List.copyOf(new LinkedHashSet<>(request.attachmentIds()))
				: List.of();
		if (text == null && files.isEmpty()) {
			throw ApiException.validation("text", "must not be blank unless the message carries attachments");
		}
		Chat chat = lock(chatId);
		UUID id = (request.id() != null) ? request.id() : UUID.randomUUID();
		Optional<ChatMessage> existing = this.messages.findById(id);
		if (existing.isPresent()) {
			if (existing.get().getChatId().equals(chatId) && user.value().equals(existing.get().getSenderId())) {
				return new Created<>(messageView(existing.get()), false);
			}
			throw ApiException.conflict("This message id is already used");
		}
		if (chat.isDirect()) {
			requireStillPartners(user, chat);
		}
		List<ChatAttachment> attached = pendingFiles(user, chatId, files);
		Instant now = now();
		long seq = chat.nextSeq(now);
		ChatMessage message = this.messages.save(new ChatMessage(id, chatId, seq, user.value(), text));
		attached.forEach((file) -> file.attachTo(id));
		this.chats.saveAndFlush(chat);
		// The audited creation time has nanoseconds the database rounds away: answer
		// with the stored value, as every later read does.
		this.entityManager.refresh(message);
		this.members.advanceRead(chatId, user.value(), seq, id, now);
		MessageView view = messageView(message, attached, new HashMap<>());
		List<UUID> recipients = this.members.memberIds(chatId)
			.stream()
			.filter((member) -> !member.equals(user.value()))
			.toList();
		String senderName = view.sender().name();
		this.events.publishEvent(new ChatMessagePosted(chatId, id, user.value(), senderName,
				chat.isDirect() ? senderName : chat.getTitle(), recipients, preview(text, attached.size()), now));
		this.realtime.toRoom(Rooms.chat(chatId), MESSAGE_EVENT, view);
		return new Created<>(view, true);
	}

	/**
	 * Change the text of one's own message; it is marked edited with the time.
	 */
	@Transactional
	public MessageView edit(UserId user, UUID chatId, UUID messageId, MessageChanges changes) {
		membership(user, chatId);
		ChatMessage message = message(chatId, messageId);
		if (!user.value().equals(message.getSenderId())) {
			throw new ApiException(ErrorCode.FORBIDDEN, "You can only edit your own messages");
		}
		if (message.isDeleted()) {
			throw ApiException.conflict("This message was deleted");
		}
		if (message.edit(changes.text().strip(), now())) {
			this.messages.saveAndFlush(message);
			MessageView view = messageView(message);
			this.realtime.toRoom(Rooms.chat(chatId), MESSAGE_UPDATED_EVENT, view);
			return view;
		}
		return messageView(message);
	}

	/**
	 * Delete a message, leaving a tombstone without text or files. The sender may, a
	 * group's owner and admins may in their group, and platform admins may anywhere
	 * (moderation). Deleting it again returns the tombstone.
	 */
	@Transactional
	public MessageView delete(UserId user, UUID chatId, UUID messageId) {
		Optional<ChatMember> member = this.members.findByChatIdAndUserId(chatId, user.value());
		boolean moderator = Role.ADMIN.value().equals(this.accounts.profile(user).role());
		if (member.isEmpty() && !moderator) {
			throw new NotFoundException("Chat", chatId);
		}
		Chat chat = chat(chatId);
		ChatMessage message = message(chatId, messageId);
		boolean own = user.value().equals(message.getSenderId());
		boolean manager = !chat.isDirect() && member.map((m) -> m.getRole().manages()).orElse(false);
		if (!own && !manager && !moderator) {
			throw new ApiException(ErrorCode.FORBIDDEN, "You can only delete your own messages");
		}
		if (message.isDeleted()) {
			return messageView(message);
		}
		message.delete(user.value(), now());
		List<ChatAttachment> files = this.attachments.findByMessageId(messageId);
		this.attachments.deleteAll(files);
		files.forEach((file) -> deleteFileAfterCommit(file.getStorageKey()));
		this.messages.saveAndFlush(message);
		MessageView view = messageView(message, List.of(), new HashMap<>());
		this.realtime.toRoom(Rooms.chat(chatId), MESSAGE_DELETED_EVENT, view);
		return view;
	}

	/**
	 * The user has read up to this message: their read position moves forward (never
	 * back) and the conversation hears it.
	 */
	@Transactional
	public ReadReceipt read(UserId user, UUID chatId, UUID messageId) {
		membership(user, chatId);
		ChatMessage message = message(chatId, messageId);
		if (this.members.advanceRead(chatId, user.value(), message.getSeq(), messageId, now()) == 1) {
			ReadReceipt receipt = new ReadReceipt(chatId, user.value(), messageId, message.getSeq());
			this.realtime.toRoom(Rooms.chat(chatId), READ_EVENT, receipt);
			return receipt;
		}
		ChatMember member = membership(user, chatId);
		return new ReadReceipt(chatId, user.value(), member.getLastReadMessageId(), member.getLastReadSeq());
	}

	/**
	 * A member started or stopped typing: told to the conversation, not stored. Repeats
	 * within {@code upcoach.community.typing-interval} are dropped.
	 */
	@Transactional(readOnly = true)
	public void typing(UserId user, UUID chatId, boolean typing) {
		membership(user, chatId);
		if (this.typing.allow(user, chatId, typing)) {
			this.realtime.toRoom(Rooms.chat(chatId), TYPING_EVENT, new TypingSignal(chatId, user.value(), typing));
		}
	}

	/**
	 * Upload a file into a conversation, to send with a message. Until a message carries
	 * it, only its uploader can download it.
	 * @throws ApiException {@code PAYLOAD_TOO_LARGE} above
	 * {@code upcoach.community.max-attachment-bytes}, {@code UNSUPPORTED_MEDIA_TYPE} when
	 * its bytes are of a type not accepted, whatever it claims to be
	 */
	@Transactional
	public AttachmentView upload(UserId user, UUID chatId, long size, String fileName, InputStreamSource upload) {
		membership(user, chatId);
		if (size <= 0) {
			throw ApiException.validation("file", "must not be empty");
		}
		long max = this.settings.maxAttachmentBytes().toBytes();
		if (size > max) {
			throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
					"A file may have at most " + this.settings.maxAttachmentBytes().toMegabytes() + " MB");
		}
		String contentType = AttachmentFormats.sniff(open(upload), this.settings.attachmentTypes());
		byte[] name = new byte[16];
		random.nextBytes(name);
		String key = "chat/" + chatId + "/" + HexFormat.of().formatHex(name);
		long stored;
		try (InputStream in = open(upload)) {
			stored = this.storage.storeInTransaction(key, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChatAttachment attachment = this.attachments.saveAndFlush(new ChatAttachment(UUID.randomUUID(), chatId,
				user.value(), key, cleanFileName(fileName), contentType, stored));
		return attachmentView(attachment);
	}

	/**
	 * A file of one of the user's conversations.
	 */
	@Transactional(readOnly = true)
	public AttachmentContent attachment(UserId user, UUID chatId, UUID attachmentId) {
		membership(user, chatId);
		ChatAttachment attachment = this.attachments.findByIdAndChatId(attachmentId, chatId)
			.filter((found) -> !found.isPending() || user.value().equals(found.getUploaderId()))
			.orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
		Resource resource = this.storage.load(attachment.getStorageKey())
			.orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
		return new AttachmentContent(resource, attachment.getContentType(), attachment.getFileName(),
				attachment.getSizeBytes());
	}

	private Created<ChatView> createInTransaction(UserId user, NewChat request) {
		return "direct".equals(request.kind()) ? createDirect(user, request) : createGroup(user, request);
	}

	private Created<ChatView> createDirect(UserId user, NewChat request) {
		if (request.userId() == null) {
			throw ApiException.validation("userId", "must be set for a direct conversation");
		}
		if (request.userId().equals(user.value())) {
			throw ApiException.validation("userId", "must be someone else");
		}
		Optional<Chat> existing = this.chats.findByDirectKey(Chat.directKey(user.value(), request.userId()));
		if (existing.isPresent()) {
			return new Created<>(view(user, existing.get()), false);
		}
		if (!partners(user.value(), request.userId())) {
			throw notPartners("userId");
		}
		Chat chat = this.chats.save(Chat.direct(UUID.randomUUID(), user.value(), request.userId(), now()));
		addMember(chat, user.value(), MemberRole.MEMBER, Optional.empty());
		addMember(chat, request.userId(), MemberRole.MEMBER, Optional.empty());
		this.chats.saveAndFlush(chat);
		this.entityManager.refresh(chat);
		return new Created<>(view(user, chat), true);
	}

	private Created<ChatView> createGroup(UserId user, NewChat request) {
		String title = blankToNull(request.title());
		if (title == null) {
			throw ApiException.validation("title", "must not be blank for a group");
		}
		if (request.id() != null) {
			Optional<Chat> existing = this.chats.findById(request.id());
			if (existing.isPresent()) {
				if (existing.get().isDirect() || !this.members.existsByChatIdAndUserId(request.id(), user.value())) {
					throw ApiException.conflict("This id is already used");
				}
				return new Created<>(view(user, existing.get()), false);
			}
		}
		ChatVisibility visibility = "public".equals(request.visibility()) ? ChatVisibility.PUBLIC
				: ChatVisibility.PRIVATE;
		if (visibility == ChatVisibility.PRIVATE && !Role.COACH.value().equals(this.accounts.profile(user).role())) {
			throw new ApiException(ErrorCode.FORBIDDEN,
					"Only coaches start private groups (with their clients); start a public group instead",
					List.of(new FieldProblem("visibility", "private groups are for coaches and their clients")));
		}
		Chat chat = Chat.group((request.id() != null) ? request.id() : UUID.randomUUID(), user.value(), title,
				visibility, now());
		List<UUID> others = (request.memberIds() != null) ? request.memberIds() : List.of();
		List<FieldProblem> refused = new ArrayList<>();
		Set<UUID> added = new LinkedHashSet<>();
		for (int i = 0; i < others.size(); i++) {
			UUID candidate = others.get(i);
			if (candidate.equals(user.value()) || added.contains(candidate)) {
				continue;
			}
			String field = "memberIds[" + i + "]";
			mayAdd(chat, user, candidate).ifPresent((problem) -> refused.add(new FieldProblem(field, problem)));
			added.add(candidate);
		}
		if (!refused.isEmpty()) {
			throw new ApiException(ErrorCode.FORBIDDEN, "Some of these people cannot be added", refused);
		}
		requireRoom(chat, added.size() + 1);
		this.chats.save(chat);
		addMember(chat, user.value(), MemberRole.OWNER, Optional.empty());
		added.forEach((candidate) -> addMember(chat, candidate, MemberRole.MEMBER, Optional.empty()));
		this.chats.saveAndFlush(chat);
		this.entityManager.refresh(chat);
		return new Created<>(view(user, chat), true);
	}

	/**
	 * Why someone may not be added to a group by this member, if they may not.
	 */
	private Optional<String> mayAdd(Chat chat, UserId by, UUID candidate) {
		if (chat.isPublic()) {
			return partners(by.value(), candidate) ? Optional.empty() : Optional
				.of("is not someone you can message (your coach, a client or someone in a group with you)");
		}
		CoachingRelationships relationships = this.coaching.getIfAvailable();
		boolean client = chat.getOwnerId() != null && relationships != null
				&& relationships.isClientOf(new UserId(candidate), new UserId(chat.getOwnerId()));
		return client ? Optional.empty() : Optional.of("is not one of the coach's clients");
	}

	/**
	 * Whether two people may talk directly: coach and client in an active relationship,
	 * or members of a common group.
	 */
	private boolean partners(UUID first, UUID second) {
		CoachingRelationships relationships = this.coaching.getIfAvailable();
		if (relationships != null && (relationships.isClientOf(new UserId(first), new UserId(second))
				|| relationships.isClientOf(new UserId(second), new UserId(first)))) {
			return true;
		}
		return this.members.shareGroup(first, second);
	}

	private void requireStillPartners(UserId user, Chat chat) {
		boolean partners = this.members.memberIds(chat.getId())
			.stream()
			.filter((other) -> !other.equals(user.value()))
			.anyMatch((other) -> partners(user.value(), other));
		if (!partners) {
			throw notPartners("chatId");
		}
	}

	private static ApiException notPartners(String field) {
		return new ApiException(ErrorCode.FORBIDDEN,
				"You can message only your coach, your clients and people you share a group with",
				List.of(new FieldProblem(field, "not_a_chat_partner")));
	}

	private void requireRoom(Chat chat, int joining) {
		if (chat.getMemberCount() + joining > this.settings.maxGroupMembers()) {
			throw ApiException.conflict("A group has at most " + this.settings.maxGroupMembers() + " members");
		}
	}

	private static void requireGroup(Chat chat) {
		if (chat.isDirect()) {
			throw ApiException.conflict("A direct conversation has exactly its two people and no title");
		}
	}

	private static void requireManager(ChatMember member) {
		if (!member.getRole().manages()) {
			throw new ApiException(ErrorCode.FORBIDDEN, "Only the group's owner and admins can do this");
		}
	}

	private void addMember(Chat chat, UUID userId, MemberRole role, Optional<ChatMessage> readUpTo) {
		this.members.save(new ChatMember(UUID.randomUUID(), chat.getId(), userId, role, chat.getLastSeq(),
				readUpTo.map(ChatMessage::getId).orElse(null), now()));
		chat.membersChanged(1);
		this.realtime.joinUser(new UserId(userId), Rooms.chat(chat.getId()));
	}

	private void removeMember(Chat chat, ChatMember member) {
		this.members.delete(member);
		this.members.flush();
		chat.membersChanged(-1);
		this.realtime.leaveUser(new UserId(member.getUserId()), Rooms.chat(chat.getId()));
	}

	private Optional<ChatMessage> lastMessage(Chat chat) {
		return this.messages.lastOf(List.of(chat.getId())).stream().findFirst();
	}

	private List<ChatAttachment> pendingFiles(UserId user, UUID chatId, List<UUID> ids) {
		List<ChatAttachment> files = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			UUID id = ids.get(i);
			ChatAttachment file = this.attachments.findByIdAndChatId(id, chatId)
				.filter((found) -> found.isPending() && user.value().equals(found.getUploaderId()))
				.orElse(null);
			if (file == null) {
				throw ApiException.validation("attachmentIds[" + i + "]",
						"is not a file you uploaded to this conversation that no message carries yet");
			}
			files.add(file);
		}
		return files;
	}

	private ChatMember membership(UserId user, UUID chatId) {
		return this.members.findByChatIdAndUserId(chatId, user.value())
			.orElseThrow(() -> new NotFoundException("Chat", chatId));
	}

	private Chat chat(UUID chatId) {
		return this.chats.findById(chatId).orElseThrow(() -> new NotFoundException("Chat", chatId));
	}

	private Chat lock(UUID chatId) {
		return this.chats.lockById(chatId).orElseThrow(() -> new NotFoundException("Chat", chatId));
	}

	private ChatMessage message(UUID chatId, UUID messageId) {
		return this.messages.findByIdAndChatId(messageId, chatId)
			.orElseThrow(() -> new NotFoundException("Message", messageId));
	}

	private ChatView view(UserId user, Chat chat) {
		return views(user, List.of(chat)).get(0);
	}

	private List<ChatView> views(UserId user, List<Chat> list) {
		if (list.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = list.stream().map(Chat::getId).toList();
		Map<UUID, ChatMember> mine = this.members.findByUserIdAndChatIdIn(user.value(), ids)
			.stream()
			.collect(Collectors.toMap(ChatMember::getChatId, Function.identity()));
		List<UUID> memberOf = ids.stream().filter(mine::containsKey).toList();
		Map<UUID, Long> unread = new HashMap<>();
		Map<UUID, ChatMessage> last = new HashMap<>();
		Map<UUID, Long> files = new HashMap<>();
		Map<UUID, UUID> partners = new HashMap<>();
		if (!memberOf.isEmpty()) {
			for (Object[] row : this.messages.unreadCounts(user.value(), memberOf)) {
				unread.put((UUID) row[0], ((Number) row[1]).longValue());
			}
			this.messages.lastOf(memberOf).forEach((message) -> last.put(message.getChatId(), message));
			this.attachments
				.findByMessageIdInOrderByCreatedAtAsc(last.values().stream().map(ChatMessage::getId).toList())
				.forEach((file) -> files.merge(file.getMessageId(), 1L, Long::sum));
			List<UUID> direct = list.stream().filter(Chat::isDirect).map(Chat::getId).toList();
			if (!direct.isEmpty()) {
				this.members.findByChatIdInAndUserIdNot(direct, user.value())
					.forEach((other) -> partners.put(other.getChatId(), other.getUserId()));
			}
		}
		Map<UUID, ChatPerson> people = new HashMap<>();
		List<ChatView> views = new ArrayList<>();
		for (Chat chat : list) {
			ChatMember member = mine.get(chat.getId());
			ChatPerson partner = partners.containsKey(chat.getId()) ? person(partners.get(chat.getId()), people) : null;
			ChatMessage newest = last.get(chat.getId());
			MessagePreview preview = (newest != null) ? new MessagePreview(newest.getId(), newest.getSeq(),
					person(newest.getSenderId(), people), truncate(newest.getBody()),
					files.getOrDefault(newest.getId(), 0L).intValue(), newest.isDeleted(), newest.getCreatedAt())
					: null;
			views.add(new ChatView(chat.getId(), lower(chat.getKind()), lower(chat.getVisibility()),
					chat.isDirect() ? ((partner != null) ? partner.name() : null) : chat.getTitle(), partner,
					chat.getOwnerId(), chat.getMemberCount(), (member != null) ? lower(member.getRole()) : null,
					preview, unread.getOrDefault(chat.getId(), 0L), chat.getLastActivityAt(), chat.getCreatedAt()));
		}
		return views;
	}

	private MessageView messageView(ChatMessage message) {
		return messageViews(List.of(message)).get(0);
	}

	private List<MessageView> messageViews(List<ChatMessage> list) {
		Map<UUID, List<ChatAttachment>> files = this.attachments
			.findByMessageIdInOrderByCreatedAtAsc(
					list.stream().filter((message) -> !message.isDeleted()).map(ChatMessage::getId).toList())
			.stream()
			.collect(Collectors.groupingBy(ChatAttachment::getMessageId));
		Map<UUID, ChatPerson> people = new HashMap<>();
		return list.stream()
			.map((message) -> messageView(message, files.getOrDefault(message.getId(), List.of()), people))
			.toList();
	}

	private MessageView messageView(ChatMessage message, List<ChatAttachment> files, Map<UUID, ChatPerson> people) {
		return new MessageView(message.getChatId(), message.getId(), message.getSeq(),
				person(message.getSenderId(), people), message.getBody(),
				files.stream().map(ChatManagement::attachmentView).toList(), message.getCreatedAt(),
				message.getEditedAt(), message.isDeleted());
	}

	private MemberView memberView(ChatMember member, Map<UUID, ChatPerson> people) {
		return new MemberView(person(member.getUserId(), people), lower(member.getRole()), member.getCreatedAt(),
				member.getLastReadMessageId(), member.getLastReadSeq(), member.getLastReadAt());
	}

	static AttachmentView attachmentView(ChatAttachment file) {
		return new AttachmentView(file.getId(), file.getFileName(), file.getContentType(), file.getSizeBytes(),
				"/api/v1/chats/" + file.getChatId() + "/attachments/" + file.getId());
	}

	private ChatPerson person(UUID id, Map<UUID, ChatPerson> people) {
		if (id == null) {
			return null;
		}
		return people.computeIfAbsent(id, (key) -> new ChatPerson(key, this.accounts.profile(new UserId(key)).name()));
	}

	private void deleteFileAfterCommit(String key) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				ChatManagement.this.storage.delete(key);
			}
		});
	}

	private static Pageable withActivitySort(Pageable pageable) {
		return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), ACTIVITY);
	}

	private static long cursor(String field, String value) {
		if (!value.matches("[0-9]{1,18}")) {
			throw ApiException.validation(field, "is not a cursor from this API");
		}
		return Long.parseLong(value);
	}

	private static String preview(String text, int files) {
		return (text != null) ? truncate(text) : (files == 1) ? "Sent an attachment" : "Sent " + files + " attachments";
	}

	private static String truncate(String text) {
		if (text == null || text.length() <= PREVIEW) {
			return text;
		}
		return text.substring(0, PREVIEW - 1) + "…";
	}

	private static String cleanFileName(String name) {
		String base = (name == null) ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		String cleaned = base.replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (cleaned.isEmpty()) {
			return "file";
		}
		return (cleaned.length() > 200) ? cleaned.substring(cleaned.length() - 200) : cleaned;
	}

	private static InputStream open(InputStreamSource upload) {
		try {
			return upload.getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the upload", ex);
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Now, as precisely as the database keeps it, so what a write answers equals what a
	 * later read shows.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * The result of a create that a retry may repeat.
	 *
	 * @param value the resource
	 * @param created whether this call created it ({@code false} for a retry or an
	 * existing direct conversation)
	 */
	public record Created<T>(T value, boolean created) {
	}

	/**
	 * A file's bytes with what to serve them as.
	 *
	 * @param resource the bytes
	 * @param contentType the type the bytes were found to be
	 * @param fileName the name to offer
	 * @param sizeBytes the size
	 */
	public record AttachmentContent(Resource resource, String contentType, String fileName, long sizeBytes) {

		/**
		 * The answer to a download: images inline, everything else as a file to save,
		 * never cached by a shared cache.
		 */
		public ResponseEntity<Resource> download() {
			ContentDisposition disposition = (this.contentType.startsWith("image/") ? ContentDisposition.inline()
					: ContentDisposition.attachment())
				.filename(this.fileName, StandardCharsets.UTF_8)
				.build();
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(this.contentType))
				.contentLength(this.sizeBytes)
				.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
				.cacheControl(CacheControl.noCache().cachePrivate())
				.body(this.resource);
		}

	}

}
