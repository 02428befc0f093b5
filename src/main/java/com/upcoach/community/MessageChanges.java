package com.upcoach.community;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A message's new text.
 *
 * @param text plain text, up to 4000 characters
 */
public record MessageChanges(@NotBlank @Size(max = ChatManagement.MAX_TEXT) String text) {
}
