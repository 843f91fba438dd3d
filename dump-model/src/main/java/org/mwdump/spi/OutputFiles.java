package org.mwdump.spi;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.mwdump.DumpException;

/**
 * Output files written under a temporary name beside their target and renamed into place when
 * complete, so that a reader never sees half a file under the target name.
 *
 * <p>Unlike {@link Files#createTempFile}, which gives a file mode {@code 0600} on POSIX systems, the
 * temporary file is created the way any program creates an ordinary file: with the mode the process
 * umask leaves of {@code 0666} ({@code 0644} under umask {@code 022}), and the directory's default
 * ACL where there is one. The renamed file keeps that mode, so an output or index is readable by
 * whoever could read a file the user made with {@code cp} or a text editor.
 */
public final class OutputFiles {
    private static final int ATTEMPTS = 100;

    private OutputFiles() {
    }

    /**
     * Creates a new, empty file beside {@code target}, named {@code .<target name><digits>.part} (hidden,
     * and never a name that another file of the directory has), with the permissions of an ordinary new file.
     *
     * @param target the file that will be written
     * @return the new temporary file
     * @throws IOException if the directory of {@code target} does not exist or cannot be written: a
     *                     {@link FileSystemException} naming {@code target} (as given), never the temporary
     *                     file: a {@link NoSuchFileException} with the reason "no such directory", an
     *                     {@link AccessDeniedException}, or another with the system's reason ("Operation not
     *                     permitted" for an immutable directory, "Read-only file system", ...), or, when
     *                     every name tried is taken, a plain {@link FileSystemException} saying so; always
     *                     with a reason
     */
    public static Path createTempBeside(Path target) throws IOException {
        return createTempBeside(target, () -> ThreadLocalRandom.current().nextLong());
    }

    /** As {@link #createTempBeside(Path)}, the names' digits from {@code digits}. */
    static Path createTempBeside(Path target, LongSupplier digits) throws IOException {
        Objects.requireNonNull(target, "target is null");
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null) {
            throw new IOException("no directory to write in: " + target);
        }
        String prefix = "." + abs.getFileName();
        for (int i = 0; ; i++) {
            Path temp = dir.resolve(prefix + Long.toUnsignedString(digits.getAsLong()) + ".part");
            try {
                // O_CREAT | O_EXCL without a mode attribute: 0666 less the umask, like any new file
                Path created = Files.createFile(temp);
                LIVE.add(created);
                return created;
            } catch (FileAlreadyExistsException e) {
                if (i == ATTEMPTS) {
                    throw (FileSystemException) new FileSystemException(target.toString(), null,
                            "no free temporary name beside it after " + (ATTEMPTS + 1) + " attempts").initCause(e);
                }
            } catch (FileSystemException e) {
                // the temporary name means nothing to whoever reads the message: it names the output
                throw (FileSystemException) namingTarget(e, target).initCause(e);
            }
        }
    }

    /**
     * A temporary file beside an output, as {@link #createTempBeside(Path)} makes it, or the failure as
     * {@code Dumps.create} reports it: {@code cannot create TARGET: why} ("no such directory", "permission
     * denied", the system's reason), with the {@link IOException} as its cause. For writers of outputs that
     * report their failures as {@link DumpException}s.
     *
     * @param target the file that will be written, as the message names it
     * @return the new temporary file
     * @throws DumpException if the temporary file cannot be created
     */
    public static Path createTempBesideOutput(Path target) {
        try {
            return createTempBeside(target);
        } catch (IOException e) {
            throw DumpException.cannotCreate(target.toString(), e);
        }
    }

    /** The failure to create a temporary file of {@code target}, said of {@code target}, always with a reason. */
    static FileSystemException namingTarget(FileSystemException e, Path target) {
        String file = target.toString();
        if (e instanceof NoSuchFileException) {
            return new NoSuchFileException(file, null, "no such directory");
        }
        if (e instanceof AccessDeniedException) {
            return new AccessDeniedException(file, null, e.getReason() != null ? e.getReason() : "permission denied");
        }
        return new FileSystemException(file, null, e.getReason() != null ? e.getReason() : reasonOf(e));
    }

    /** A reason for a failure that gives none (its message is only the file's name): its kind, in words. */
    private static String reasonOf(FileSystemException e) {
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemLoopException) {
            return "too many levels of symbolic links";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "file exists";
        }
        return "the file system refused to create a file there";
    }

    /**
     * Whether {@code target} is itself (not through a symbolic link) a device such as {@code /dev/null}, a
     * named pipe or a socket, or names a file descriptor ({@link #isDescriptorName}). Such a target is
     * never replaced by a file.
     *
     * @param target an output's path
     * @return whether it names a device, pipe, socket or file descriptor
     */
    public static boolean isSpecial(Path target) {
        Objects.requireNonNull(target, "target is null");
        if (isDescriptorName(target)) {
            return true;
        }
        try {
            return Files.readAttributes(target, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther();
        } catch (IOException e) {
            return false; // absent (or unreadable): an ordinary new file is made
        }
    }

    /**
     * Whether {@code target} names an open file descriptor rather than a file: {@code /dev/stdin},
     * {@code /dev/stdout}, {@code /dev/stderr}, {@code /dev/fd/N}, or {@code /proc/…/fd/N}. Opening such a
     * name opens the file behind the descriptor afresh (from its first byte, and for writing even when
     * the descriptor was opened read-only), so outputs never do; see {@link #standardStream}.
     *
     * @param target a path
     * @return whether it names a file descriptor
     */
    public static boolean isDescriptorName(Path target) {
        String name = target.toAbsolutePath().normalize().toString();
        return name.equals("/dev/stdin") || name.equals("/dev/stdout") || name.equals("/dev/stderr")
                || name.startsWith("/dev/fd/")
                || name.startsWith("/proc/") && Descriptors.PROC_DESCRIPTOR.matcher(name).matches();
    }

    /**
     * Which of this process's standard streams {@code target} names: 1 for standard output
     * ({@code /dev/stdout}, {@code /dev/fd/1}, {@code /proc/self/fd/1} and the like), 2 for standard
     * error, 0 for anything else.
     *
     * @param target a path
     * @return 1, 2 or 0
     */
    public static int standardStream(Path target) {
        String name = target.toAbsolutePath().normalize().toString();
        if (name.equals("/dev/stdout")) {
            return 1;
        }
        if (name.equals("/dev/stderr")) {
            return 2;
        }
        if (!name.startsWith("/dev/fd/") && !name.startsWith("/proc/")) {
            return 0;
        }
        java.util.regex.Matcher m = Descriptors.OWN_STANDARD_STREAM.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(m.groupCount())) : 0;
    }

    /**
     * The patterns of descriptor names, compiled when a name under {@code /proc} or {@code /dev/fd} is first
     * looked at rather than when this class is loaded: the names of ordinary files never need them, and
     * compiling them is a noticeable part of a short run's start.
     */
    private static final class Descriptors {
        /** {@code /proc/PID/fd/N} and its {@code self}, {@code thread-self} and {@code task/TID} forms. */
        static final java.util.regex.Pattern PROC_DESCRIPTOR =
                java.util.regex.Pattern.compile("/proc/[^/]+(/task/[^/]+)?/fd/.*");
        /** This process's descriptor 1 or 2 under {@code /dev/fd} or {@code /proc}. */
        static final java.util.regex.Pattern OWN_STANDARD_STREAM = java.util.regex.Pattern.compile(
                "(/dev|/proc/(self|thread-self|" + ProcessHandle.current().pid() + "(/task/[0-9]+)?))/fd/([12])");

        private Descriptors() {
        }
    }

    /**
     * Renames a complete temporary file to its target, replacing what was there: atomically where the
     * file system can, so that a reader sees the old file or the new one, never neither. A target that
     * is a device, a named pipe, a socket or a directory is never replaced (as root, a rename onto
     * {@code /dev/null} would otherwise succeed).
     *
     * @param temp   the complete temporary file
     * @param target the name it gets
     * @throws java.io.IOException if the rename fails, or the target is not a regular file (a
     *                             {@link java.nio.file.FileSystemException} naming it); the temporary file is
     *                             then still there
     */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        Objects.requireNonNull(temp, "temp is null");
        Objects.requireNonNull(target, "target is null");
        if (isSpecial(target) || Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.FileSystemException(target.toString(), null,
                    "not a regular file, not replaced");
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        LIVE.remove(temp);
    }

    /**
     * Deletes a temporary file that will not be moved into place (best effort, never throws).
     *
     * @param temp the temporary file
     */
    public static void discard(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // best effort: a temporary name never shadows the target
        }
        LIVE.remove(temp);
    }

    /**
     * Deletes every temporary file made by {@link #createTempBeside} in this process that was neither
     * moved into place nor discarded: for a command that is interrupted (a shutdown hook), so that
     * Ctrl-C leaves no {@code .part} files behind.
     */
    public static void discardAll() {
        for (Path p : LIVE.toArray(new Path[0])) {
            discard(p);
        }
    }

    /** Temporary files not yet moved into place or discarded. */
    private static final java.util.Set<Path> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();
}
