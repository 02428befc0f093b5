/**
 * The mail outbox behind {@link com.upcoach.platform.mail.Mailer}: its table, the
 * background delivery job and the settings. Not a named interface: business modules use
 * {@code platform.mail} only.
 */
package com.upcoach.platform.mail.outbox;
