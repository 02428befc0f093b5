package com.upcoach.notifications.push;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What clients send to register for push.
 */
public final class PushForms {

	private PushForms() {
	}

	/**
	 * A browser's {@code PushSubscription.toJSON()}, as is.
	 *
	 * @param endpoint the push service URL of this subscription
	 * @param expirationTime when the subscription ends (epoch milliseconds), usually
	 * {@code null}
	 * @param keys the keys messages are encrypted for
	 */
	public record NewSubscription(
			@Schema(example = "https://fcm.googleapis.com/fcm/send/dpH5lCsTSSM:APA91bH…") @NotBlank @Size(
					max = 1024) String endpoint,
			Long expirationTime, @NotNull @Valid Keys keys) {
	}

	/**
	 * @param p256dh the browser's P-256 public key, Base64url (65 bytes uncompressed)
	 * @param auth the browser's 16-byte auth secret, Base64url
	 */
	public record Keys(@NotBlank @Size(max = 100) String p256dh, @NotBlank @Size(max = 40) String auth) {
	}

	/**
	 * A mobile app install's push token.
	 *
	 * @param platform {@code fcm} (Firebase Cloud Messaging) or {@code apns} (Apple)
	 * @param token the token the platform gave the app
	 */
	public record NewDevice(@Schema(allowableValues = {
			"fcm", "apns" }) @NotBlank @Pattern(regexp = "fcm|apns", message = "must be fcm or apns") String platform,
			@NotBlank @Size(max = 512) String token){
	}

}
