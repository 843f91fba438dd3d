package org.mwdump.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parsing and formatting of MediaWiki timestamps. */
public final class Timestamps {
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /**
     * Parses {@code YYYY-MM-DDTHH:MM:SSZ} (with or without fraction) or the compact {@code YYYYMMDDHHMMSS}.
     *
     * @throws DateTimeParseException if the value is {@code null} or in neither form
     */
    public static Instant parse(String value) {
        if (value == null) {
            throw new DateTimeParseException("timestamp is absent", "", 0);
        }
        if (value.length() == 14 && value.chars().allMatch(Character::isDigit)) {
            return LocalDateTime.parse(value, COMPACT).toInstant(ZoneOffset.UTC);
        }
        return Instant.parse(value);
    }

    /** Formats as MediaWiki's {@code TS_ISO_8601}: {@code YYYY-MM-DDTHH:MM:SSZ}, fractions dropped. */
    public static String format(Instant instant) {
        return ISO_SECONDS.format(instant);
    }
}
