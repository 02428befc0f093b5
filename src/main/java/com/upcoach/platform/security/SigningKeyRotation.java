package com.upcoach.platform.security;

import org.jobrunr.jobs.annotations.Recurring;

import org.springframework.stereotype.Component;

/**
 * Checks hourly, on one node of the cluster, whether the RS256 signing key is due for
 * rotation.
 */
@Component
public class SigningKeyRotation {

	private final AccessTokenKeys keys;

	SigningKeyRotation(AccessTokenKeys keys) {
		this.keys = keys;
	}

	@Recurring(id = "signing-key-rotation", cron = "17 * * * *")
	public void rotateIfDue() {
		if (this.keys instanceof RotatingRsaKeys rotating) {
			rotating.rotateIfDue();
		}
	}

}
