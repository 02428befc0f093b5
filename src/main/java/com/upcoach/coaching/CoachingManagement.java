package com.upcoach.coaching;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.coaching.CoachingAudit.Event;
import com.upcoach.coaching.domain.CoachingRelationship;
import com.upcoach.coaching.domain.CoachingRelationshipRepository;
import com.upcoach.coaching.domain.NoteVisibility;
import com.upcoach.coaching.domain.RelationshipKind;
import com.upcoach.coaching.domain.RelationshipStatus;
import com.upcoach.coaching.domain.SessionNote;
import com.upcoach.coaching.domain.SessionNoteRepository;
import com.upcoach.identity.AccountManagement;
import com.upcoach.identity.UserView;
import com.upcoach.platform.realtime.Presence;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.shared.Role;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coaching module's API: invitations by email or code, requests for a coach, what a
 * client shares, ending a relationship, a coach's clients with their at-risk signals, and
 * session notes. Only users with the {@code coach} role coach; any signed-in user may be
 * a client, of several coaches. Whatever a caller may not see answers 404.
 */
@Service
public class CoachingManagement {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/**
	 * The sync resource type of session notes, which sync to the coach's devices.
	 */
	public static final String NOTE_TYPE = "coaching_note";

	private static final Logger logger = LoggerFactory.getLogger(CoachingManagement.class);

	private static final Set<RelationshipKind> INVITATIONS = EnumSet.of(RelationshipKind.EMAIL_INVITATION,
			RelationshipKind.CODE_INVITATION);

	private static final String INVALID_CODE = "This code is invalid, expired or already used";

	private final CoachingRelationshipRepository relationships;

	private final SessionNoteRepository notes;

	private final AccountManagement accounts;

	private final CoachingMails mails;

	private final CoachingAudit audit;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<ClientSignalProvider> signalProviders;

	private final ChangeLog changeLog;

	private final CoachingSettings settings;

	private final Presence presence;

	private final Clock clock;

	CoachingManagement(CoachingRelationshipRepository relationships, SessionNoteRepository notes,
			AccountManagement accounts, CoachingMails mails, CoachingAudit audit, ApplicationEventPublisher events,
			ObjectProvider<ClientSignalProvider> signalProviders, ChangeLog changeLog, CoachingSettings settings,
			Presence presence, Clock clock) {
		this.relationships = relationships;
		this.notes = notes;
		this.accounts = accounts;
		this.mails = mails;
		this.audit = audit;
		this.events = events;
		this.signalProviders = signalProviders;
		this.changeLog = changeLog;
		this.settings = settings;
		this.presence = presence;
		this.clock = clock;
	}

	/**
	 * A coach invites someone by email. The email carries a link with a code, so a person
	 * without an account can accept after signing up; a person with an account also sees
	 * the invitation in their list. Inviting the same person again while an invitation is
	 * pending returns that invitation and sends nothing.
	 * @param id an optional client-generated id
	 */
	@Transactional
	public Created<RelationshipView> invite(UserId coach, UUID id, String email, String message) {
		UserView coachView = requireCoach(coach);
		Optional<CoachingRelationship> retried = retried(id, coach);
		if (retried.isPresent()) {
			return new Created<>(view(retried.get()), false);
		}
		String address = email.strip().toLowerCase(Locale.ROOT);
		// The REST body is validated before; the app's form and other callers are not.
		if (!EMAIL.matcher(address).matches()) {
			throw ApiException.validation("email", "Enter an email address like name@example.com");
		}
		Optional<UserView> invitee = this.accounts.findByEmail(address);
		if (invitee.isPresent() && invitee.get().id().equals(coach.value())) {
			throw ApiException.validation("email", "You cannot coach yourself");
		}
		List<String> keys = new ArrayList<>();
		keys.add(coach + ":" + address);
		invitee.ifPresent((user) -> keys.add(0, coach + ":" + user.id()));
		for (String key : keys) {
			Optional<CoachingRelationship> open = open(key);
			if (open.isPresent()) {
				CoachingRelationship existing = open.get();
				if (existing.isActive()) {
					throw ApiException.conflict("This person is already your client");
				}
				if (existing.getKind() == RelationshipKind.REQUEST) {
					throw ApiException.conflict("This person already asked you to coach them; accept their request");
				}
				return new Created<>(view(existing), false);
			}
		}
		String code = InvitationCodes.generate();
		CoachingRelationship invitation = this.relationships.saveAndFlush(
				CoachingRelationship.emailInvitation(orNew(id), coach.value(), invitee.map(UserView::id).orElse(null),
						address, InvitationCodes.hash(code), blankToNull(message), expiry()));
		this.mails.invitation(coachView, address, invitee.orElse(null), code, invitation.getMessage(),
				this.settings.invitationValidity());
		this.audit.record(Event.COACHING_INVITATION_SENT, coach.value(), invitation);
		this.events.publishEvent(
				new CoachInvitationSent(invitation.getId(), invitation.getCoachId(), invitation.getClientId()));
		return new Created<>(view(invitation), true);
	}

	/**
	 * A coach creates a shareable code: single use, valid for
	 * {@code upcoach.coaching.invitation-validity} (7 days). The code is shown once; a
	 * retry with the same id returns the invitation without it.
	 */
	@Transactional
	public Created<InvitationCode> createCode(UserId coach, UUID id, String message) {
		requireCoach(coach);
		Optional<CoachingRelationship> retried = retried(id, coach);
		if (retried.isPresent()) {
			return new Created<>(new InvitationCode(view(retried.get()), null), false);
		}
		String code = InvitationCodes.generate();
		CoachingRelationship invitation = this.relationships.saveAndFlush(CoachingRelationship.codeInvitation(orNew(id),
				coach.value(), InvitationCodes.hash(code), blankToNull(message), expiry()));
		this.audit.record(Event.COACHING_INVITATION_CODE_CREATED, coach.value(), invitation);
		return new Created<>(new InvitationCode(view(invitation), code), true);
	}

	/**
	 * A user asks a coach (by id or email) and offers what they would share. Asking the
	 * same coach again while the request is pending returns that request.
	 */
	@Transactional
	public Created<RelationshipView> request(UserId client, UUID id, UUID coachId, String coachEmail,
			Set<SharedArea> areas, String message) {
		Optional<CoachingRelationship> retried = retried(id, client);
		if (retried.isPresent()) {
			return new Created<>(view(retried.get()), false);
		}
		if ((coachId == null) == (coachEmail == null || coachEmail.isBlank())) {
			throw ApiException.validation("coachId", "Give either the coach's id or the coach's email");
		}
		UserView coach = ((coachId != null) ? findUser(coachId) : this.accounts.findByEmail(coachEmail))
			.filter((user) -> Role.COACH.value().equals(user.role()) && "active".equals(user.status()))
			.orElseThrow(() -> new NotFoundException("Coach", (coachId != null) ? coachId : coachEmail));
		if (coach.id().equals(client.value())) {
			throw ApiException.validation("coachId", "You cannot coach yourself");
		}
		Optional<CoachingRelationship> open = open(coach.id() + ":" + client);
		if (open.isPresent()) {
			CoachingRelationship existing = open.get();
			if (existing.isActive()) {
				throw ApiException.conflict("This coach already coaches you");
			}
			if (existing.getKind() != RelationshipKind.REQUEST) {
				throw ApiException.conflict("This coach already invited you; accept the invitation");
			}
			return new Created<>(view(existing), false);
		}
		CoachingRelationship request = this.relationships.saveAndFlush(CoachingRelationship.request(orNew(id),
				coach.id(), client.value(), areas, blankToNull(message), expiry()));
		this.audit.record(Event.COACHING_REQUESTED, client.value(), request);
		this.events.publishEvent(new CoachingRequested(request.getId(), request.getCoachId(), request.getClientId()));
		return new Created<>(view(request), true);
	}

	/**
	 * Pending invitations addressed to the user, by account or by email address.
	 */
	@Transactional(readOnly = true)
	public Page<RelationshipView> invitationsFor(UserId user, Pageable pageable) {
		String email = this.accounts.profile(user).email();
		return this.relationships.invitationsFor(user.value(), email, now(), pageable).map(this::view);
	}

	/**
	 * A coach's pending invitations (email and code).
	 */
	@Transactional(readOnly = true)
	public Page<RelationshipView> sentInvitations(UserId coach, Pageable pageable) {
		return this.relationships.pendingOfCoach(coach.value(), INVITATIONS, now(), pageable).map(this::view);
	}

	/**
	 * Pending requests addressed to a coach.
	 */
	@Transactional(readOnly = true)
	public Page<RelationshipView> requestsFor(UserId coach, Pageable pageable) {
		return this.relationships.pendingOfCoach(coach.value(), EnumSet.of(RelationshipKind.REQUEST), now(), pageable)
			.map(this::view);
	}

	/**
	 * A user's own pending requests.
	 */
	@Transactional(readOnly = true)
	public Page<RelationshipView> sentRequests(UserId client, Pageable pageable) {
		return this.relationships.requestsOfClient(client.value(), now(), pageable).map(this::view);
	}

	/**
	 * The invited user accepts and chooses what the coach may see.
	 */
	@Transactional
	public RelationshipView acceptInvitation(UserId user, UUID id, Set<SharedArea> areas) {
		CoachingRelationship invitation = invitationFor(user, id);
		activate(invitation, user, areas);
		this.audit.record(Event.COACHING_INVITATION_ACCEPTED, user.value(), invitation);
		this.events.publishEvent(
				new CoachInvitationAccepted(invitation.getId(), invitation.getCoachId(), invitation.getClientId()));
		return view(invitation);
	}

	@Transactional
	public void declineInvitation(UserId user, UUID id) {
		CoachingRelationship invitation = invitationFor(user, id);
		decline(invitation, user);
	}

	/**
	 * Redeem an invitation code (from a coach or from an invitation email) and choose
	 * what the coach may see. A code works once.
	 */
	@Transactional
	public RelationshipView redeem(UserId user, String code, Set<SharedArea> areas) {
		if (InvitationCodes.normalise(code) == null) {
			throw ApiException.validation("code", INVALID_CODE);
		}
		CoachingRelationship invitation = this.relationships.findByCodeHash(InvitationCodes.hash(code))
			.filter((candidate) -> candidate.isPending(now()))
			.filter((candidate) -> candidate.getClientId() == null || candidate.getClientId().equals(user.value()))
			.orElseThrow(() -> ApiException.validation("code", INVALID_CODE));
		if (invitation.getCoachId().equals(user.value())) {
			throw ApiException.validation("code", "You cannot accept your own invitation");
		}
		activate(invitation, user, areas);
		this.audit.record(Event.COACHING_INVITATION_ACCEPTED, user.value(), invitation);
		this.events.publishEvent(
				new CoachInvitationAccepted(invitation.getId(), invitation.getCoachId(), invitation.getClientId()));
		return view(invitation);
	}

	/**
	 * The coach accepts a request; the client shares what the request offered.
	 */
	@Transactional
	public RelationshipView acceptRequest(UserId coach, UUID id) {
		CoachingRelationship request = requestFor(coach, id);
		request.accept(request.getClientId(), null, now());
		this.relationships.saveAndFlush(request);
		this.audit.record(Event.COACHING_REQUEST_ACCEPTED, coach.value(), request);
		this.events
			.publishEvent(new CoachingRequestAccepted(request.getId(), request.getCoachId(), request.getClientId()));
		return view(request);
	}

	@Transactional
	public void declineRequest(UserId coach, UUID id) {
		decline(requestFor(coach, id), coach);
	}

	/**
	 * A pending or active relationship the user is part of.
	 */
	@Transactional(readOnly = true)
	public RelationshipView relationship(UserId user, UUID id) {
		return view(visible(user, id));
	}

	/**
	 * The client changes what the coach may see; effective at once.
	 * @param ifMatch the client's {@code If-Match}, checked against the current version
	 */
	@Transactional
	public RelationshipView share(UserId client, UUID id, Set<SharedArea> areas, String ifMatch) {
		CoachingRelationship relationship = this.relationships.findById(id)
			.filter(CoachingRelationship::isActive)
			.filter((candidate) -> client.value().equals(candidate.getClientId()))
			.orElseThrow(() -> new NotFoundException("Relationship", id));
		ETags.checkIfMatch(ifMatch, relationship.getVersion());
		if (relationship.getSharedAreas().equals(areas)) {
			return view(relationship);
		}
		relationship.share(areas);
		this.relationships.saveAndFlush(relationship);
		this.audit.record(Event.COACHING_SHARED_AREAS_CHANGED, client.value(), relationship);
		this.events.publishEvent(
				new SharedAreasChanged(relationship.getId(), relationship.getCoachId(), relationship.getClientId()));
		return view(relationship);
	}

	/**
	 * Either side ends an active relationship (the client revokes, the coach ends it),
	 * takes back a pending invitation or request of their own, or declines one addressed
	 * to them. The coach loses access at once.
	 */
	@Transactional
	public void end(UserId user, UUID id) {
		CoachingRelationship relationship = visible(user, id);
		if (relationship.isActive()) {
			relationship.close(RelationshipStatus.ENDED, user.value(), now());
			this.relationships.saveAndFlush(relationship);
			this.audit.record(Event.COACHING_ENDED, user.value(), relationship);
			this.events.publishEvent(new CoachingRelationshipEnded(relationship.getId(), relationship.getCoachId(),
					relationship.getClientId(), user.value()));
			return;
		}
		UUID initiator = (relationship.getKind() == RelationshipKind.REQUEST) ? relationship.getClientId()
				: relationship.getCoachId();
		if (user.value().equals(initiator)) {
			relationship.close(RelationshipStatus.WITHDRAWN, user.value(), now());
			this.relationships.saveAndFlush(relationship);
			this.audit.record(Event.COACHING_WITHDRAWN, user.value(), relationship);
		}
		else {
			decline(relationship, user);
		}
	}

	/**
	 * The user's active coaches and what they share with each.
	 */
	@Transactional(readOnly = true)
	public Page<RelationshipView> coachesOf(UserId client, Pageable pageable) {
		return this.relationships.findByClientIdAndStatus(client.value(), RelationshipStatus.ACTIVE, pageable)
			.map(this::view);
	}

	/**
	 * A coach's active clients with their signals. Sort by {@code risk} (most severe
	 * first when descending) or {@code name}.
	 */
	@Transactional(readOnly = true)
	public Page<ClientOverview> clients(UserId coach, Pageable pageable) {
		Sort.Order order = pageable.getSort().stream().findFirst().orElse(Sort.Order.desc("risk"));
		List<Client> all = this.relationships.findByCoachIdAndStatus(coach.value(), RelationshipStatus.ACTIVE)
			.stream()
			.map((relationship) -> new Client(relationship,
					this.accounts.profile(new UserId(relationship.getClientId()))))
			.toList();
		Comparator<ClientOverview> byName = Comparator.comparing((ClientOverview overview) -> overview.client().name(),
				String.CASE_INSENSITIVE_ORDER);
		int from = (int) Math.min(pageable.getOffset(), all.size());
		int to = Math.min(from + pageable.getPageSize(), all.size());
		List<ClientOverview> content;
		if (order.getProperty().equals("name")) {
			Comparator<Client> names = Comparator.comparing((Client client) -> client.user().name(),
					String.CASE_INSENSITIVE_ORDER);
			content = all.stream()
				.sorted(order.isAscending() ? names : names.reversed())
				.toList()
				.subList(from, to)
				.stream()
				.map(this::overview)
				.toList();
		}
		else {
			Comparator<ClientOverview> risk = Comparator
				.comparingInt((ClientOverview overview) -> severityRank(overview.risk()))
				.thenComparingInt((overview) -> overview.signals().size());
			risk = order.isAscending() ? risk : risk.reversed();
			content = all.stream().map(this::overview).sorted(risk.thenComparing(byName)).toList().subList(from, to);
		}
		return new PageImpl<>(content, pageable, all.size());
	}

	/**
	 * One active client's overview; anyone else is not found.
	 */
	@Transactional(readOnly = true)
	public ClientOverview client(UserId coach, UserId client) {
		CoachingRelationship relationship = activeWith(coach, client);
		return overview(new Client(relationship, this.accounts.profile(client)));
	}

	@Transactional(readOnly = true)
	public Page<SessionNoteView> notes(UserId coach, UserId client, Pageable pageable) {
		activeWith(coach, client);
		return this.notes.findByUserIdAndClientId(coach.value(), client.value(), pageable)
			.map(CoachingManagement::view);
	}

	/**
	 * A coach writes a session note about an active client. A retry with the same id
	 * returns the note.
	 */
	@Transactional
	public Created<SessionNoteView> addNote(UserId coach, UserId client, NewNote note) {
		long seq = this.changeLog.next(coach);
		activeWith(coach, client);
		if (note.id() != null) {
			Optional<SessionNote> existing = this.notes.findById(note.id());
			if (existing.isPresent()) {
				if (existing.get().getCoachId().equals(coach.value())
						&& existing.get().getClientId().equals(client.value())) {
					return new Created<>(view(existing.get()), false);
				}
				throw ApiException.conflict("This id is already used");
			}
		}
		SessionNote created = this.notes.saveAndFlush(new SessionNote(orNew(note.id()), coach, seq, client.value(),
				note.body().strip(), visibility(note.visibility()), note.sessionDate()));
		if (created.getVisibility() == NoteVisibility.SHARED) {
			this.events.publishEvent(new SessionNoteShared(created.getId(), coach.value(), client.value()));
		}
		return new Created<>(view(created), true);
	}

	@Transactional(readOnly = true)
	public SessionNoteView note(UserId coach, UserId client, UUID noteId) {
		return view(noteOf(coach, client, noteId));
	}

	/**
	 * Change the fields of a note that are present.
	 */
	@Transactional
	public SessionNoteView updateNote(UserId coach, UserId client, UUID noteId, NoteChanges changes, String ifMatch) {
		long seq = this.changeLog.next(coach);
		SessionNote note = noteOf(coach, client, noteId);
		ETags.checkIfMatch(ifMatch, note.getVersion());
		boolean wasShared = note.getVisibility() == NoteVisibility.SHARED;
		if (changes.body() != null) {
			note.rewrite(changes.body().strip());
		}
		if (changes.visibility() != null) {
			note.show(visibility(changes.visibility()));
		}
		if (changes.sessionDate() != null) {
			note.dateSession(changes.sessionDate());
		}
		note.stamp(seq);
		this.notes.saveAndFlush(note);
		if (!wasShared && note.getVisibility() == NoteVisibility.SHARED) {
			this.events.publishEvent(new SessionNoteShared(note.getId(), coach.value(), client.value()));
		}
		return view(note);
	}

	@Transactional
	public void deleteNote(UserId coach, UserId client, UUID noteId) {
		SessionNote note = noteOf(coach, client, noteId);
		this.changeLog.deleted(coach, NOTE_TYPE, note.getId(), note.getVersion());
		this.notes.delete(note);
	}

	/**
	 * The notes the user's coaches shared with them. They stay readable after the
	 * relationship ends: they were given to the client.
	 */
	@Transactional(readOnly = true)
	public Page<SessionNoteView> sharedNotes(UserId client, Pageable pageable) {
		return this.notes.findByClientIdAndVisibility(client.value(), NoteVisibility.SHARED, pageable)
			.map(CoachingManagement::view);
	}

	/**
	 * Demo data: an active relationship between the demo coach and member with session
	 * notes, unless the two already have one (in any state). Runs in a transaction of its
	 * own so that a concurrent seeding that wins the race leaves the caller's intact.
	 * @return whether this call created it
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean seedDemo(UserId coach, UserId member, Set<SharedArea> areas, List<NewNote> sessionNotes) {
		long seq = this.changeLog.next(coach);
		if (this.relationships.existsByCoachIdAndClientId(coach.value(), member.value())) {
			return false;
		}
		CoachingRelationship relationship = CoachingRelationship.emailInvitation(UUID.randomUUID(), coach.value(),
				member.value(), this.accounts.profile(member).email(), null, null, expiry());
		relationship.accept(member.value(), areas, now());
		this.relationships.saveAndFlush(relationship);
		this.audit.record(Event.COACHING_INVITATION_ACCEPTED, member.value(), relationship);
		this.events.publishEvent(new CoachInvitationAccepted(relationship.getId(), coach.value(), member.value()));
		for (NewNote note : sessionNotes) {
			this.notes.save(new SessionNote(orNew(note.id()), coach, seq, member.value(), note.body(),
					visibility(note.visibility()), note.sessionDate()));
		}
		return true;
	}

	private CoachingRelationship activeWith(UserId coach, UserId client) {
		return this.relationships
			.findByCoachIdAndClientIdAndStatus(coach.value(), client.value(), RelationshipStatus.ACTIVE)
			.orElseThrow(() -> new NotFoundException("Client", client));
	}

	private SessionNote noteOf(UserId coach, UserId client, UUID noteId) {
		activeWith(coach, client);
		return this.notes.findById(noteId)
			.filter((note) -> note.getCoachId().equals(coach.value()) && note.getClientId().equals(client.value()))
			.orElseThrow(() -> new NotFoundException("Note", noteId));
	}

	private ClientOverview overview(Client client) {
		CoachingRelationship relationship = client.relationship();
		UserId clientId = new UserId(client.user().id());
		LocalDate today = client.user().calendar().today(this.clock);
		List<RiskSignal> signals = new ArrayList<>();
		Instant lastActivity = null;
		for (ClientSignalProvider provider : this.signalProviders.orderedStream().toList()) {
			if (!relationship.getSharedAreas().contains(provider.area())) {
				continue;
			}
			try {
				signals.addAll(provider.signals(clientId, today));
				Instant last = provider.lastActivity(clientId).orElse(null);
				if (last != null && (lastActivity == null || last.isAfter(lastActivity))) {
					lastActivity = last;
				}
			}
			catch (RuntimeException ex) {
				// One failing module must not hide the client list.
				logger.warn("Signals of {} for client {} failed", provider.area(), clientId, ex);
			}
		}
		signals.sort(Comparator.comparingInt((RiskSignal signal) -> severityRank(signal.severity())).reversed());
		String risk = signals.isEmpty() ? "none" : signals.get(0).severity();
		return new ClientOverview(relationship.getId(), person(client.user()), relationship.getSharedAreas(),
				relationship.getAcceptedAt(), lastActivity, risk, List.copyOf(signals), this.presence.of(clientId));
	}

	static int severityRank(String severity) {
		return switch (String.valueOf(severity)) {
			case "high" -> 3;
			case "medium" -> 2;
			case "low" -> 1;
			default -> 0;
		};
	}

	private void activate(CoachingRelationship invitation, UserId client, Set<SharedArea> areas) {
		Optional<CoachingRelationship> other = open(invitation.getCoachId() + ":" + client)
			.filter((candidate) -> !candidate.getId().equals(invitation.getId()));
		if (other.isPresent()) {
			if (other.get().isActive()) {
				throw ApiException.conflict("This coach already coaches you");
			}
			// Another pending invitation or request between the two is superseded.
			other.get().close(RelationshipStatus.WITHDRAWN, client.value(), now());
			this.relationships.saveAndFlush(other.get());
			this.audit.record(Event.COACHING_WITHDRAWN, client.value(), other.get());
		}
		invitation.accept(client.value(), areas, now());
		this.relationships.saveAndFlush(invitation);
	}

	private void decline(CoachingRelationship pending, UserId user) {
		pending.close(RelationshipStatus.DECLINED, user.value(), now());
		this.relationships.saveAndFlush(pending);
		if (pending.getKind() == RelationshipKind.REQUEST) {
			this.audit.record(Event.COACHING_REQUEST_DECLINED, user.value(), pending);
			this.events.publishEvent(
					new CoachingRequestDeclined(pending.getId(), pending.getCoachId(), pending.getClientId()));
		}
		else {
			this.audit.record(Event.COACHING_INVITATION_DECLINED, user.value(), pending);
			this.events.publishEvent(new CoachInvitationDeclined(pending.getId(), pending.getCoachId(), user.value()));
		}
	}

	private CoachingRelationship invitationFor(UserId user, UUID id) {
		String email = this.accounts.profile(user).email();
		return this.relationships.findById(id)
			.filter((candidate) -> candidate.getKind() == RelationshipKind.EMAIL_INVITATION)
			.filter((candidate) -> candidate.isPending(now()))
			.filter((candidate) -> addressedTo(candidate, user, email))
			.orElseThrow(() -> new NotFoundException("Invitation", id));
	}

	private CoachingRelationship requestFor(UserId coach, UUID id) {
		return this.relationships.findById(id)
			.filter((candidate) -> candidate.getKind() == RelationshipKind.REQUEST)
			.filter((candidate) -> candidate.isPending(now()))
			.filter((candidate) -> candidate.getCoachId().equals(coach.value()))
			.orElseThrow(() -> new NotFoundException("Request", id));
	}

	private CoachingRelationship visible(UserId user, UUID id) {
		return this.relationships.findById(id)
			.filter((candidate) -> candidate.isActive() || candidate.isPending(now()))
			.filter((candidate) -> candidate.getCoachId().equals(user.value())
					|| user.value().equals(candidate.getClientId()))
			.orElseThrow(() -> new NotFoundException("Relationship", id));
	}

	private static boolean addressedTo(CoachingRelationship invitation, UserId user, String email) {
		return (invitation.getClientId() != null) ? invitation.getClientId().equals(user.value())
				: Objects.equals(invitation.getInviteeEmail(), email);
	}

	/**
	 * The open relationship with this key; a pending one whose time ran out is closed as
	 * expired, which frees the key.
	 */
	private Optional<CoachingRelationship> open(String key) {
		Optional<CoachingRelationship> open = this.relationships.findByOpenKey(key);
		if (open.isPresent() && open.get().isExpired(now())) {
			open.get().expire();
			this.relationships.saveAndFlush(open.get());
			this.audit.record(Event.COACHING_EXPIRED, null, open.get());
			return Optional.empty();
		}
		return open;
	}

	private Optional<CoachingRelationship> retried(UUID id, UserId owner) {
		if (id == null) {
			return Optional.empty();
		}
		Optional<CoachingRelationship> existing = this.relationships.findById(id);
		if (existing.isEmpty()) {
			return Optional.empty();
		}
		UUID initiator = (existing.get().getKind() == RelationshipKind.REQUEST) ? existing.get().getClientId()
				: existing.get().getCoachId();
		if (!owner.value().equals(initiator)) {
			throw ApiException.conflict("This id is already used");
		}
		return existing;
	}

	private UserView requireCoach(UserId coach) {
		UserView user = this.accounts.profile(coach);
		if (!Role.COACH.value().equals(user.role())) {
			throw new ApiException(ErrorCode.FORBIDDEN, "Only coaches can invite clients");
		}
		return user;
	}

	private Optional<UserView> findUser(UUID id) {
		try {
			return Optional.of(this.accounts.profile(new UserId(id)));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	RelationshipView view(CoachingRelationship relationship) {
		return new RelationshipView(relationship.getId(), lower(relationship.getKind()),
				lower(relationship.getStatus()), person(relationship.getCoachId()),
				(relationship.getClientId() != null) ? person(relationship.getClientId()) : null,
				relationship.getInviteeEmail(), relationship.getSharedAreas(), relationship.getMessage(),
				relationship.getExpiresAt(), relationship.getAcceptedAt(), relationship.getCreatedAt(),
				relationship.getUpdatedAt(), relationship.getVersion());
	}

	static SessionNoteView view(SessionNote note) {
		return new SessionNoteView(note.getId(), note.getCoachId(), note.getClientId(), note.getBody(),
				lower(note.getVisibility()), note.getSessionDate(), note.getCreatedAt(), note.getUpdatedAt(),
				note.getVersion());
	}

	private Person person(UUID id) {
		return findUser(id).map(CoachingManagement::person).orElse(new Person(id, null, null));
	}

	private static Person person(UserView user) {
		return new Person(user.id(), user.name(), user.email());
	}

	private static NoteVisibility visibility(String value) {
		return (value == null) ? NoteVisibility.PRIVATE : NoteVisibility.valueOf(value.toUpperCase(Locale.ROOT));
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static UUID orNew(UUID id) {
		return (id != null) ? id : UUID.randomUUID();
	}

	private Instant now() {
		return this.clock.instant();
	}

	private Instant expiry() {
		return now().plus(this.settings.invitationValidity());
	}

	private record Client(CoachingRelationship relationship, UserView user) {
	}

	/**
	 * The result of a create that a retry may repeat.
	 *
	 * @param value the resource
	 * @param created whether this call created it ({@code false} for a retry or a
	 * duplicate)
	 */
	public record Created<T>(T value, boolean created) {
	}

	/**
	 * A new session note.
	 *
	 * @param id an optional client-generated id
	 * @param body the text
	 * @param visibility {@code private} (default) or {@code shared}
	 * @param sessionDate the local day of the session, optional
	 */
	public record NewNote(UUID id, String body, String visibility, LocalDate sessionDate) {
	}

	/**
	 * Changes to a note; {@code null} fields stay as they are.
	 */
	public record NoteChanges(String body, String visibility, LocalDate sessionDate) {
	}

}
