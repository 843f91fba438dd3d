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
     * @param value the timestamp text
     * @return the instant
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

    /**
     * The timestamp in MediaWiki's {@code TS_ISO_8601} form: the value itself when it already has that
     * form (checked character by character, without parsing), else {@link #parse parsed} and
     * {@linkplain #format formatted}.
     *
     * @param value the timestamp text
     * @return the timestamp as {@code YYYY-MM-DDTHH:MM:SSZ}
     * @throws DateTimeParseException if the value is {@code null} or in no accepted form
     */
    public static String canonical(String value) {
        return isCanonical(value) ? value : format(parse(value));
    }

    /**
     * Whether the text is {@code YYYY-MM-DDTHH:MM:SSZ} with a valid date and time (seconds up to 59: a
     * leap second is left to the parser, which moves it to the second before).
     */
    private static boolean isCanonical(String t) {
        if (t == null || t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return false;
        }
        int year = number(t, 0, 4);
        int month = number(t, 5, 7);
        int day = number(t, 8, 10);
        int hour = number(t, 11, 13);
        int minute = number(t, 14, 16);
        int second = number(t, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return false;
        }
        boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        int days = month == 2 ? (leap ? 29 : 28) : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        return day <= days;
    }

    /**
     * Formats as MediaWiki's {@code TS_ISO_8601}: {@code YYYY-MM-DDTHH:MM:SSZ}, fractions dropped.
     *
     * @param instant the instant
     * @return the formatted timestamp
     */
    public static String format(Instant instant) {
        return ISO_SECONDS.format(instant);
    }

    /**
     * Microseconds since the epoch of a timestamp in the canonical form {@code YYYY-MM-DDTHH:MM:SSZ} (a
     * valid date and time), read digit by digit: the value {@link #parse} gives, without a parser.
     *
     * @param t the timestamp text, or null
     * @return the microseconds, or {@code Long.MIN_VALUE} for anything but the canonical form
     */
    public static long canonicalMicros(String t) {
        if (!isCanonical(t)) {
            return Long.MIN_VALUE;
        }
        long seconds = java.time.LocalDate.of(number(t, 0, 4), number(t, 5, 7), number(t, 8, 10)).toEpochDay() * 86_400L
                + number(t, 11, 13) * 3600L + number(t, 14, 16) * 60L + number(t, 17, 19);
        return seconds * 1_000_000L;
    }

    /** The decimal number in {@code s[from, to)}, or -1 if a character is not a digit. */
    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * Microseconds since the epoch of a timestamp in any form {@link #parse} reads.
     *
     * @param value the timestamp text, or null
     * @return the microseconds, or {@code Long.MIN_VALUE} for text that is not a timestamp (or one too far
     *         from 1970 for microseconds in a long)
     */
    public static long epochMicros(String value) {
        long micros = canonicalMicros(value);
        if (micros != Long.MIN_VALUE || value == null) {
            return micros;
        }
        try {
            Instant instant = parse(value);
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
        } catch (DateTimeParseException | ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }
}
