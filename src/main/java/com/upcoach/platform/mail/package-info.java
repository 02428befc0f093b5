/**
 * Transactional email. {@link com.upcoach.platform.mail.Mailer} writes a message to the
 * outbox in the caller's transaction and a background job delivers it after commit, over
 * SMTP when {@code spring.mail.host} is set and to the local outbox otherwise;
 * {@link com.upcoach.platform.mail.MailTemplates} renders messages from
 * {@code templates/mail/<name>.html} and {@code .txt}, and
 * {@link com.upcoach.platform.mail.MailOutbox} reads what was sent.
 */
@org.springframework.modulith.NamedInterface("mail")
package com.upcoach.platform.mail;
