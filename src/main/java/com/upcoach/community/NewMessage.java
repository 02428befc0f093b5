package com.upcoach.community;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A message to post: text, files uploaded before, or both.
 *
 * @param id a client-generated id; a retry with the same id returns the message posted
 * the first time and posts nothing
 * @param text plain text, up to 4000 characters
 * @param attachmentIds up to 10 files the poster uploaded to this conversation and no
 * message carries yet
 */
public record NewMessage(UUID id, @Size(max = ChatManagement.MAX_TEXT) String text,
		@Size(max = ChatManagement.MAX_ATTACHMENTS) List<@NotNull UUID> attachmentIds) {
}
