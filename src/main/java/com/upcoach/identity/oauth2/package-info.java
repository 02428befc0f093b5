/**
 * Sign-in with Google, Apple, Facebook and any OpenID Connect provider through Spring
 * Security's {@code oauth2Login}: provider registrations from our settings, the page and
 * app flows around the callback, the one-time code exchange and linked-account endpoints.
 */
package com.upcoach.identity.oauth2;
