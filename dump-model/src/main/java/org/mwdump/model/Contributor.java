package org.mwdump.model;

/**
 * The author of a revision, upload or log item, as the {@code <contributor>} element gives it.
 * A registered user has a user name and id, an anonymous editor an IP address; a contributor hidden
 * by revision deletion has {@link #deleted()} set and nothing else.
 *
 * @param username {@code <username>} text ({@code ""} for an empty element); {@code null} if absent
 * @param id       {@code <id>}; {@code null} if absent
 * @param ip       {@code <ip>} text; {@code null} if absent
 * @param deleted  whether the element has {@code deleted="deleted"}
 */
public record Contributor(String username, Long id, String ip, boolean deleted) {
    /** A contributor hidden by revision deletion. */
    public static final Contributor DELETED = new Contributor(null, null, null, true);

    /**
     * A registered user.
     *
     * @param username the user name
     * @param id       the user id
     * @return the contributor
     */
    public static Contributor user(String username, long id) {
        return new Contributor(username, id, null, false);
    }

    /**
     * An anonymous editor known by IP address.
     *
     * @param ip the IP address as written
     * @return the contributor
     */
    public static Contributor ip(String ip) {
        return new Contributor(null, null, ip, false);
    }

    /**
     * The name shown for this contributor: the user name, else the IP, else {@code null}.
     *
     * @return the name, or {@code null}
     */
    public String displayName() {
        return username != null ? username : ip;
    }
}
