/**
 * Second-factor primitives: TOTP codes, their QR codes, recovery codes and the cipher
 * that keeps secrets encrypted at rest. Pure functions of their inputs and the clock; the
 * identity facade stores what they return.
 */
package com.upcoach.identity.mfa;
