package com.upcoach.notifications.push;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.shared.UserId;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a user's notifications are pushed: browsers' Web Push subscriptions and mobile
 * devices' tokens, each user's own.
 */
@Service
public class PushRegistry {

	private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

	private static final int AUTH_SECRET_BYTES = 16;

	private static final int USER_AGENT_LENGTH = 255;

	private final PushSubscriptionRepository subscriptions;

	private final PushDeviceRepository devices;

	private final VapidKeys vapid;

	private final PushSettings settings;

	private final Set<String> platforms;

	PushRegistry(PushSubscriptionRepository subscriptions, PushDeviceRepository devices, VapidKeys vapid,
			PushSettings settings, List<PushGateway> gateways) {
		this.subscriptions = subscriptions;
		this.devices = devices;
		this.vapid = vapid;
		this.settings = settings;
		this.platforms = gateways.stream().map(PushGateway::platform).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * @return the VAPID public key, Base64url, for {@code pushManager.subscribe}
	 */
	public String vapidPublicKey() {
		return this.vapid.publicKey();
	}

	/**
	 * Subscribe a browser. Subscribing the same endpoint again updates it: the browser
	 * retried, renewed its keys, or another account signed in on it.
	 */
	@Transactional
	public Registered<PushSubscriptionView> subscribe(UserId user, PushForms.NewSubscription form, String userAgent) {
		URI endpoint = endpoint(form.endpoint());
		byte[] publicKey = decode("keys.p256dh", form.keys().p256dh());
		try {
			P256.publicKey(publicKey);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.validation("keys.p256dh", "Must be a P-256 public key (65 bytes, uncompressed)");
		}
		byte[] auth = decode("keys.auth", form.keys().auth());
		if (auth.length != AUTH_SECRET_BYTES) {
			throw ApiException.validation("keys.auth", "Must be a 16-byte secret");
		}
		Instant expiresAt = (form.expirationTime() != null) ? Instant.ofEpochMilli(form.expirationTime()) : null;
		String browser = (userAgent != null && userAgent.length() > USER_AGENT_LENGTH)
				? userAgent.substring(0, USER_AGENT_LENGTH) : userAgent;
		PushSubscription existing = this.subscriptions.findByEndpoint(endpoint.toString()).orElse(null);
		PushSubscription subscription = (existing != null) ? existing
				: new PushSubscription(UUID.randomUUID(), user.value(), endpoint.toString());
		subscription.subscribe(user.value(), P256.base64Url(publicKey), P256.base64Url(auth), expiresAt, browser);
		return new Registered<>(PushSubscriptionView.of(this.subscriptions.saveAndFlush(subscription)),
				existing == null);
	}

	@Transactional(readOnly = true)
	public Page<PushSubscriptionView> subscriptions(UserId user, Pageable pageable) {
		return this.subscriptions.findByUserId(user.value(), pageable).map(PushSubscriptionView::of);
	}

	/**
	 * @throws NotFoundException if the user has no such subscription
	 */
	@Transactional
	public void unsubscribe(UserId user, UUID id) {
		this.subscriptions.delete(this.subscriptions.findByIdAndUserId(id, user.value())
			.orElseThrow(() -> new NotFoundException("Push subscription", id)));
	}

	/**
	 * Register a mobile device's token; registering it again is a no-op, or moves it to
	 * the account now signed in on that device.
	 */
	@Transactional
	public Registered<PushDeviceView> registerDevice(UserId user, PushForms.NewDevice form) {
		if (!this.platforms.contains(form.platform())) {
			throw ApiException.validation("platform", form.platform() + " push is not configured on this server");
		}
		String token = token(form.platform(), form.token());
		PushDevice existing = this.devices.findByPlatformAndToken(form.platform(), token).orElse(null);
		PushDevice device = (existing != null) ? existing
				: new PushDevice(UUID.randomUUID(), user.value(), form.platform(), token);
		device.registeredBy(user.value());
		return new Registered<>(PushDeviceView.of(this.devices.saveAndFlush(device)), existing == null);
	}

	@Transactional(readOnly = true)
	public Page<PushDeviceView> devices(UserId user, Pageable pageable) {
		return this.devices.findByUserId(user.value(), pageable).map(PushDeviceView::of);
	}

	/**
	 * @throws NotFoundException if the user has no such device
	 */
	@Transactional
	public void removeDevice(UserId user, UUID id) {
		this.devices.delete(this.devices.findByIdAndUserId(id, user.value())
			.orElseThrow(() -> new NotFoundException("Push device", id)));
	}

	private URI endpoint(String value) {
		URI endpoint;
		try {
			endpoint = new URI(value.strip());
		}
		catch (URISyntaxException ex) {
			throw ApiException.validation("endpoint", "Must be a URL");
		}
		String host = (endpoint.getHost() != null) ? endpoint.getHost().toLowerCase(Locale.ROOT) : null;
		if (host == null || endpoint.getRawUserInfo() != null || endpoint.getRawFragment() != null) {
			throw ApiException.validation("endpoint", "Must be an absolute URL without credentials");
		}
		boolean local = "http".equals(endpoint.getScheme()) && this.settings.allowLocalHttp()
				&& LOCAL_HOSTS.contains(host);
		if (!local && !"https".equals(endpoint.getScheme())) {
			throw ApiException.validation("endpoint", "Must be an https URL");
		}
		if (!local && !this.settings.endpointHosts().isEmpty()
				&& this.settings.endpointHosts()
					.stream()
					.noneMatch((allowed) -> host.equals(allowed) || host.endsWith("." + allowed))) {
			throw ApiException.validation("endpoint", "Not a known push service: " + host);
		}
		return endpoint;
	}

	private static byte[] decode(String field, String value) {
		try {
			return P256.fromBase64Url(value);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.validation(field, "Must be Base64url");
		}
	}

	private static String token(String platform, String token) {
		String stripped = token.strip();
		boolean valid = "apns".equals(platform) ? stripped.matches("[0-9A-Fa-f]{64,200}")
				: stripped.matches("[A-Za-z0-9_:\\-]{20,512}");
		if (!valid) {
			throw ApiException.validation("token", "Not a " + platform + " token");
		}
		// APNs tokens are hex; one device must not appear twice in two cases.
		return "apns".equals(platform) ? stripped.toLowerCase(Locale.ROOT) : stripped;
	}

	/**
	 * @param view what is registered now
	 * @param created whether it is new, not a repeat
	 */
	public record Registered<T>(T view, boolean created) {
	}

}
