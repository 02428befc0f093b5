package com.upcoach.community;

import java.util.UUID;

/**
 * A file in a conversation.
 *
 * @param id the attachment id, sent in a message's {@code attachmentIds}
 * @param fileName the name it was uploaded with (cleaned)
 * @param contentType the type its bytes were found to be
 * @param sizeBytes its size
 * @param url where members download it
 */
public record AttachmentView(UUID id, String fileName, String contentType, long sizeBytes, String url) {
}
