package org.mwdump.model;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * MediaWiki's content hashes: the SHA-1 of the serialized content written in base 36, lower case,
 * left-padded with {@code 0} to 31 characters ({@code SlotRecord::base36Sha1}), and the combined hash
 * of a multi-slot revision ({@code RevisionSlots::computeSha1}).
 */
public final class Sha1Base36 {
    /** The hash of empty content. */
    public static final String EMPTY = "phoiac9h4m842xq45sp7s6u21eteeq1";

    private Sha1Base36() {
    }

    /**
     * The base-36 SHA-1 of the given bytes.
     *
     * @param content the bytes
     * @return 31 base-36 digits, zero-padded
     */
    public static String of(byte[] content) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
        String base36 = new BigInteger(1, digest.digest(content)).toString(36);
        return "0".repeat(31 - base36.length()) + base36;
    }

    /**
     * The base-36 SHA-1 of the UTF-8 bytes of the given text.
     *
     * @param content the text
     * @return 31 base-36 digits, zero-padded
     */
    public static String of(String content) {
        return of(content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The revision hash of the given slot hashes (role to base-36 hash): the slots are sorted by
     * role; none gives the hash of empty content; one gives its own hash; more are folded as
     * {@code acc = base36Sha1(acc + next)}.
     *
     * @param slotSha1ByRole the base-36 hash of each slot, by role
     * @return the revision's base-36 hash
     */
    public static String combine(Map<String, String> slotSha1ByRole) {
        TreeMap<String, String> sorted = new TreeMap<>(slotSha1ByRole);
        String acc = null;
        for (String sha1 : sorted.values()) {
            acc = acc == null ? sha1 : of(acc + sha1);
        }
        return acc == null ? EMPTY : acc;
    }
}
