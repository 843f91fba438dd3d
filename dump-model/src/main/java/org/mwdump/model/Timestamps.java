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
        if (value != null && value.length() == 20 && value.charAt(4) == '-' && value.charAt(7) == '-'
                && value.charAt(10) == 'T' && value.charAt(13) == ':' && value.charAt(16) == ':'
                && value.charAt(19) == 'Z' && digits(value, 0, 4) && digits(value, 5, 7) && digits(value, 8, 10)
                && digits(value, 11, 13) && digits(value, 14, 16) && digits(value, 17, 19)) {
            int month = (value.charAt(5) - '0') * 10 + value.charAt(6) - '0';
            int day = (value.charAt(8) - '0') * 10 + value.charAt(9) - '0';
            int hour = (value.charAt(11) - '0') * 10 + value.charAt(12) - '0';
            int minute = (value.charAt(14) - '0') * 10 + value.charAt(15) - '0';
            int second = (value.charAt(17) - '0') * 10 + value.charAt(18) - '0';
            // days past a short month's end (and leap seconds) are left to the parser
            if (month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour <= 23 && minute <= 59 && second <= 59) {
                return value;
            }
        }
        return format(parse(value));
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
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
        if (t == null || t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = number(t, 0, 4);
        int month = number(t, 5, 7);
        int day = number(t, 8, 10);
        int hour = number(t, 11, 13);
        int minute = number(t, 14, 16);
        int second = number(t, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        int days = month == 2 ? (leap ? 29 : 28) : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        if (day > days) {
            return Long.MIN_VALUE;
        }
        long seconds = java.time.LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L
                + second;
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
