package com.upcoach.community;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * People to add to a group; those already in it are left as they are.
 *
 * @param userIds up to 100 user ids
 */
public record NewMembers(@NotEmpty @Size(max = 100) List<@NotNull UUID> userIds) {
}
