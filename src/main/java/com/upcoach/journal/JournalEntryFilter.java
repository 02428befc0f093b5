package com.upcoach.journal;

import java.time.LocalDate;

/**
 * Filters of a journal entry list; every one is optional.
 *
 * @param from the first local day
 * @param to the last local day
 * @param kind {@code text} or {@code voice}
 * @param tag a tag the entries carry (any case)
 * @param text words the title or body contain (any case)
 */
public record JournalEntryFilter(LocalDate from, LocalDate to, String kind, String tag, String text) {
}
