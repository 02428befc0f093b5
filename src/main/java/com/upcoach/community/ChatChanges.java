package com.upcoach.community;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A group's new title.
 *
 * @param title up to 100 characters
 */
public record ChatChanges(@NotBlank @Size(max = ChatManagement.MAX_TITLE) String title) {
}
