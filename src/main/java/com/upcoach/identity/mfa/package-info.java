/**
 * Second-factor primitives: TOTP codes, their QR codes and recovery codes. Pure functions
 * of their inputs and the clock; the identity facade stores what they return.
 */
package com.upcoach.identity.mfa;
