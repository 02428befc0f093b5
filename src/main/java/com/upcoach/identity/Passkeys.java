package com.upcoach.identity;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.util.exception.WebAuthnException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import tools.jackson.core.JacksonException;

import com.upcoach.identity.domain.UserAccount;
import com.upcoach.identity.domain.UserAccountRepository;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passkeys (WebAuthn / FIDO2): registering and managing them, signing in without a
 * password, and using one as the second factor after a password. A passkey always asks
 * the user to unlock it (user verification), so on its own it counts as both factors.
 */
@Service
public class Passkeys {

	static final String DEFAULT_NAME = "Passkey";

	private static final String INVALID_PASSKEY = "The passkey could not be verified";

	// ES256 first: every platform authenticator has it; RS256 for Windows Hello.
	private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
			new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
			new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
			new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	// Attestation is not asked for (coaching accounts need no particular authenticator
	// model), so any statement format is accepted without a trust anchor.
	private final WebAuthnManager webAuthn;

	private final AttestedCredentialDataConverter attestedData;

	private final PasskeyStore store;

	private final PasskeyChallenges challenges;

	private final UserAccountRepository accounts;

	private final SignIn signIn;

	private final AccountTokens accountTokens;

	private final LoginThrottle throttle;

	private final SecurityAudit audit;

	private final SecurityMails mails;

	private final WebAuthnSettings settings;

	private final Clock clock;

	Passkeys(PasskeyStore store, PasskeyChallenges challenges, UserAccountRepository accounts, SignIn signIn,
			AccountTokens accountTokens, LoginThrottle throttle, SecurityAudit audit, SecurityMails mails,
			WebAuthnSettings settings, Clock clock) {
		ObjectConverter converter = new ObjectConverter();
		this.webAuthn = WebAuthnManager.createNonStrictWebAuthnManager(converter);
		this.attestedData = new AttestedCredentialDataConverter(converter);
		this.store = store;
		this.challenges = challenges;
		this.accounts = accounts;
		this.signIn = signIn;
		this.accountTokens = accountTokens;
		this.throttle = throttle;
		this.audit = audit;
		this.mails = mails;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Options for {@code navigator.credentials.create()}: a discoverable, user-verified
	 * passkey that is not one of the user's existing ones.
	 */
	@Transactional
	public PasskeyOptions<PasskeyOptions.CreationOptions> registrationOptions(UserId userId) {
		UserAccount user = this.accounts.findById(userId.value())
			.orElseThrow(() -> new NotFoundException("User", userId));
		PasskeyChallenges.Challenge challenge = this.challenges.issue(PasskeyChallenges.Purpose.REGISTER, user.getId());
		List<PasskeyOptions.CredentialParameters> algorithms = ALGORITHMS.stream()
			.map((parameters) -> new PasskeyOptions.CredentialParameters(parameters.getType().getValue(),
					parameters.getAlg().getValue()))
			.toList();
		return new PasskeyOptions<>(challenge.id(), new PasskeyOptions.CreationOptions(
				new PasskeyOptions.RelyingPartyEntity(this.settings.rpId(), this.settings.rpName()),
				new PasskeyOptions.UserEntity(BASE64URL.encodeToString(userHandle(user.getId())), user.getEmail(),
						user.getDisplayName()),
				challenge.value(), algorithms, timeoutMillis(), descriptors(user.getId()),
				new PasskeyOptions.AuthenticatorSelection("required", true, "required"), "none",
				Map.of("credProps", true)));
	}

	/**
	 * Verify and keep the credential the browser created from
	 * {@link #registrationOptions}.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public PasskeyView register(UserId userId, UUID challengeId, String credentialJson, String name) {
		PasskeyChallenges.Challenge challenge = this.challenges.consume(challengeId, PasskeyChallenges.Purpose.REGISTER)
			.filter((issued) -> userId.value().equals(issued.userId()))
			.orElseThrow(() -> ApiException.validation("challengeId",
					"The registration has expired or was already used; ask for new options"));
		RegistrationData data;
		try {
			data = this.webAuthn.parseRegistrationResponseJSON(credentialJson);
			Origin origin = allowedOrigin(data.getCollectedClientData());
			this.webAuthn.verify(data,
					new RegistrationParameters(serverProperty(origin, challenge), ALGORITHMS, true, true));
		}
		catch (WebAuthnException | JacksonException | IllegalArgumentException ex) {
			this.audit.failed(SecurityEvent.PASSKEY_REGISTERED, userId.value(),
					Map.of("reason", ex.getClass().getSimpleName()));
			throw ApiException.validation("credential", "The passkey could not be verified; try again");
		}
		AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authenticator = data.getAttestationObject()
			.getAuthenticatorData();
		AttestedCredentialData attested = authenticator.getAttestedCredentialData();
		String credentialId = BASE64URL.encodeToString(attested.getCredentialId());
		if (this.store.byCredentialId(credentialId).isPresent()) {
			throw ApiException.conflict("This passkey is already registered");
		}
		Set<AuthenticatorTransport> transports = (data.getTransports() != null) ? data.getTransports() : Set.of();
		PasskeyStore.Stored passkey = new PasskeyStore.Stored(UUID.randomUUID(), userId.value(), credentialId,
				BASE64URL.encodeToString(this.attestedData.convert(attested)), attested.getAaguid().toString(),
				authenticator.getSignCount(), authenticator.isFlagUV(), authenticator.isFlagBE(),
				authenticator.isFlagBS(), transports.stream().map(AuthenticatorTransport::getValue).sorted().toList(),
				nameOrDefault(name), this.clock.instant(), null);
		this.store.add(passkey);
		this.audit.succeeded(SecurityEvent.PASSKEY_REGISTERED, userId.value(),
				Map.of("passkeyId", passkey.id(), "aaguid", passkey.aaguid()));
		notifyOwner(userId, "A passkey was added to your account");
		return passkey.view();
	}

	@Transactional(readOnly = true)
	public List<PasskeyView> passkeys(UserId userId) {
		return this.store.of(userId.value()).stream().map(PasskeyStore.Stored::view).toList();
	}

	/**
	 * Rename one of the user's own passkeys; someone else's answers as if it did not
	 * exist.
	 */
	@Transactional
	public PasskeyView rename(UserId userId, UUID id, String name) {
		if (!this.store.rename(userId.value(), id, nameOrDefault(name))) {
			throw new NotFoundException("Passkey", id);
		}
		this.audit.succeeded(SecurityEvent.PASSKEY_RENAMED, userId.value(), Map.of("passkeyId", id));
		return this.store.find(userId.value(), id).map(PasskeyStore.Stored::view).orElseThrow();
	}

	@Transactional
	public void delete(UserId userId, UUID id) {
		if (!this.store.delete(userId.value(), id)) {
			throw new NotFoundException("Passkey", id);
		}
		this.audit.succeeded(SecurityEvent.PASSKEY_REMOVED, userId.value(), Map.of("passkeyId", id));
		notifyOwner(userId, "A passkey was removed from your account");
	}

	/**
	 * Options for {@code navigator.credentials.get()} without naming an account: the
	 * browser offers the passkeys it has for this site.
	 */
	@Transactional
	public PasskeyOptions<PasskeyOptions.RequestOptions> signInOptions() {
		return requestOptions(this.challenges.issue(PasskeyChallenges.Purpose.SIGN_IN, null), List.of());
	}

	/**
	 * Sign in with a passkey alone and get the same tokens as a password plus second
	 * factor.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public SignIn.Tokens signIn(UUID challengeId, String credentialJson, ClientInfo client) {
		return this.signIn.start(passwordless(challengeId, credentialJson, client), client, "passkey");
	}

	/**
	 * Options to answer a second-factor challenge with one of the user's passkeys.
	 */
	@Transactional
	public PasskeyOptions<PasskeyOptions.RequestOptions> secondFactorOptions(String mfaToken) {
		AccountTokens.Token pending = pendingSecondFactor(mfaToken);
		List<PasskeyOptions.CredentialDescriptor> allowed = descriptors(pending.userId());
		if (allowed.isEmpty()) {
			throw ApiException.conflict("This account has no passkey; use the code from your authenticator app");
		}
		return requestOptions(this.challenges.issue(PasskeyChallenges.Purpose.SECOND_FACTOR, pending.userId()),
				allowed);
	}

	/**
	 * Finish a sign-in that asked for a second factor with one of the user's passkeys.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public SignIn.Tokens completeSecondFactor(String mfaToken, UUID challengeId, String credentialJson,
			boolean rememberDevice, ClientInfo client) {
		AccountTokens.Token pending = pendingSecondFactor(mfaToken);
		try {
			PasskeyChallenges.Challenge challenge = this.challenges
				.consume(challengeId, PasskeyChallenges.Purpose.SECOND_FACTOR)
				.filter((issued) -> pending.userId().equals(issued.userId()))
				.orElseThrow(() -> new Refused("challenge", null));
			verifyAssertion(challenge, credentialJson, pending.userId());
		}
		catch (Refused ex) {
			this.accountTokens.countAttempt(pending, SignIn.MFA_ATTEMPTS);
			this.audit.byUser(SecurityEvent.MFA_FAILED, false, pending.userId(),
					Map.of("attempt", pending.attempts() + 1, "kind", "webauthn", "reason", ex.reason));
			throw new ApiException(ErrorCode.UNAUTHENTICATED, INVALID_PASSKEY);
		}
		return this.signIn.completeSecondFactor(pending, rememberDevice, client);
	}

	private UserAccount passwordless(UUID challengeId, String credentialJson, ClientInfo client) {
		Duration wait = this.throttle.addressWait(client.ipAddress());
		if (!wait.isZero()) {
			this.audit.byUser(SecurityEvent.LOGIN_BLOCKED, false, null, Map.of("waitSeconds", wait.toSeconds()));
			throw ApiException.tooManyRequests("Too many failed sign-ins; try again later", wait);
		}
		PasskeyStore.Stored passkey;
		try {
			PasskeyChallenges.Challenge challenge = this.challenges
				.consume(challengeId, PasskeyChallenges.Purpose.SIGN_IN)
				.orElseThrow(() -> new Refused("challenge", null));
			passkey = verifyAssertion(challenge, credentialJson, null);
		}
		catch (Refused ex) {
			this.throttle.addressFailed(client.ipAddress());
			this.audit.byUser(SecurityEvent.LOGIN_FAILED, false, ex.userId,
					Map.of("method", "passkey", "reason", ex.reason));
			throw new ApiException(ErrorCode.UNAUTHENTICATED, INVALID_PASSKEY);
		}
		UserAccount user = this.accounts.findById(passkey.userId())
			.orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, INVALID_PASSKEY));
		SignIn.requireActive(user);
		return user;
	}

	/**
	 * Check an assertion against the challenge and the stored passkey, and move its
	 * counter on.
	 * @param expectedUser whose passkey it must be, or {@code null} for anyone's
	 */
	private PasskeyStore.Stored verifyAssertion(PasskeyChallenges.Challenge challenge, String credentialJson,
			UUID expectedUser) {
		AuthenticationData data;
		try {
			data = this.webAuthn.parseAuthenticationResponseJSON(credentialJson);
		}
		catch (WebAuthnException | JacksonException | IllegalArgumentException ex) {
			throw new Refused("malformed", null);
		}
		if (data.getCredentialId() == null) {
			throw new Refused("malformed", null);
		}
		PasskeyStore.Stored passkey = this.store.byCredentialId(BASE64URL.encodeToString(data.getCredentialId()))
			.filter((found) -> expectedUser == null || expectedUser.equals(found.userId()))
			.orElseThrow(() -> new Refused("unknown-passkey", null));
		if (data.getUserHandle() != null && data.getUserHandle().length > 0
				&& !Arrays.equals(data.getUserHandle(), userHandle(passkey.userId()))) {
			throw new Refused("user-handle", passkey.userId());
		}
		try {
			Origin origin = allowedOrigin(data.getCollectedClientData());
			this.webAuthn.verify(data,
					new AuthenticationParameters(serverProperty(origin, challenge), record(passkey), null, true, true));
		}
		catch (MaliciousCounterValueException ex) {
			this.audit.byUser(SecurityEvent.PASSKEY_CLONE_SUSPECTED, false, passkey.userId(),
					Map.of("passkeyId", passkey.id(), "storedCount", passkey.signCount()));
			throw new Refused("counter", passkey.userId());
		}
		catch (WebAuthnException | JacksonException | IllegalArgumentException ex) {
			throw new Refused(ex.getClass().getSimpleName(), passkey.userId());
		}
		Instant now = this.clock.instant();
		AuthenticatorData<?> authenticator = data.getAuthenticatorData();
		if (!this.store.used(passkey.id(), passkey.signCount(), authenticator.getSignCount(), authenticator.isFlagBS(),
				now)) {
			throw new Refused("concurrent-use", passkey.userId());
		}
		return passkey;
	}

	private void notifyOwner(UserId userId, String change) {
		this.accounts.findById(userId.value()).ifPresent((account) -> this.mails.securityChange(account, change));
	}

	private AccountTokens.Token pendingSecondFactor(String mfaToken) {
		return this.accountTokens.find(mfaToken, AccountTokens.Purpose.MFA_CHALLENGE)
			.orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED,
					"The sign-in has expired or was already completed; sign in again"));
	}

	private Origin allowedOrigin(CollectedClientData clientData) {
		if (clientData == null || clientData.getOrigin() == null
				|| !this.settings.allows(clientData.getOrigin().toString())) {
			throw new IllegalArgumentException("the page's origin is not allowed");
		}
		return clientData.getOrigin();
	}

	private ServerProperty serverProperty(Origin origin, PasskeyChallenges.Challenge challenge) {
		return new ServerProperty(Set.of(origin), this.settings.rpId(), new DefaultChallenge(challenge.bytes()));
	}

	private CredentialRecordImpl record(PasskeyStore.Stored passkey) {
		AttestedCredentialData attested = this.attestedData
			.convert(Base64.getUrlDecoder().decode(passkey.attestedCredentialData()));
		Set<AuthenticatorTransport> transports = passkey.transports()
			.stream()
			.map(AuthenticatorTransport::create)
			.collect(Collectors.toSet());
		return new CredentialRecordImpl(new NoneAttestationStatement(), passkey.uvInitialized(),
				passkey.backupEligible(), passkey.backupState(), passkey.signCount(), attested, null, null, null,
				transports);
	}

	private PasskeyOptions<PasskeyOptions.RequestOptions> requestOptions(PasskeyChallenges.Challenge challenge,
			List<PasskeyOptions.CredentialDescriptor> allowed) {
		return new PasskeyOptions<>(challenge.id(), new PasskeyOptions.RequestOptions(challenge.value(),
				timeoutMillis(), this.settings.rpId(), allowed, "required"));
	}

	private List<PasskeyOptions.CredentialDescriptor> descriptors(UUID userId) {
		return this.store.of(userId)
			.stream()
			.map((passkey) -> new PasskeyOptions.CredentialDescriptor("public-key", passkey.credentialId(),
					passkey.transports()))
			.toList();
	}

	private long timeoutMillis() {
		return this.settings.challengeTtl().toMillis();
	}

	private static String nameOrDefault(String name) {
		return (name == null || name.isBlank()) ? DEFAULT_NAME : name.strip();
	}

	// The account id: opaque, stable, and no personal data for the authenticator to keep.
	private static byte[] userHandle(UUID userId) {
		ByteBuffer buffer = ByteBuffer.allocate(16);
		buffer.putLong(userId.getMostSignificantBits()).putLong(userId.getLeastSignificantBits());
		return buffer.array();
	}

	/**
	 * A refused assertion, with why (for the audit log only: the client learns nothing).
	 */
	private static final class Refused extends RuntimeException {

		private final String reason;

		private final UUID userId;

		Refused(String reason, UUID userId) {
			super(reason, null, false, false);
			this.reason = reason;
			this.userId = userId;
		}

	}

}
