package org.mwdump.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

    @Test
    void tempFileHasTheModeOfAnOrdinaryNewFile(@TempDir Path dir) throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "file system without POSIX modes");
        Path probe = dir.resolve("probe");
        new FileOutputStream(probe.toFile()).close();
        Set<PosixFilePermission> ordinary = Files.getPosixFilePermissions(probe);

        Path target = dir.resolve("out.jsonl");
        Path temp = OutputFiles.createTempBeside(target);
        assertEquals(dir, temp.getParent());
        assertTrue(temp.getFileName().toString().startsWith(".out.jsonl"), temp.toString());
        assertTrue(temp.getFileName().toString().endsWith(".part"), temp.toString());
        assertEquals(0, Files.size(temp));
        assertEquals(PosixFilePermissions.toString(ordinary),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(temp)));
        Integer umask = processUmask();
        if (umask != null) {
            assertEquals(0666 & ~umask, mode(Files.getPosixFilePermissions(temp)));
            if (umask == 022) {
                assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(temp)));
            }
        }
        Files.writeString(temp, "done\n");
        OutputFiles.moveIntoPlace(temp, target);
        assertFalse(Files.exists(temp));
        assertEquals(PosixFilePermissions.toString(ordinary),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void tempFilesNeverCollideAndReplaceNothing(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("index.mwpidx");
        Files.writeString(target, "old");
        Set<Path> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            assertTrue(seen.add(OutputFiles.createTempBeside(target)));
        }
        assertEquals("old", Files.readString(target));
        Path temp = OutputFiles.createTempBeside(target);
        Files.writeString(temp, "new");
        OutputFiles.moveIntoPlace(temp, target);
        assertEquals("new", Files.readString(target));
    }

    @Test
    void missingDirectoryIsAnIOException(@TempDir Path dir) {
        Path target = dir.resolve("no/such/dir/out.xml");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> OutputFiles.createTempBeside(target));
        assertEquals(java.nio.file.NoSuchFileException.class, e.getClass());
        assertEquals(target.toString(), ((java.nio.file.NoSuchFileException) e).getFile(),
                "the message names the output, not a temporary file");
        assertEquals("no such directory", ((java.nio.file.NoSuchFileException) e).getReason());
    }

    /**
     * Any other failure to create the temporary file (here a plain file where the directory should be:
     * "Not a directory"; an immutable directory gives "Operation not permitted") names the output too,
     * with the system's reason.
     */
    @Test
    void anyFailureToCreateNamesTheOutputNotTheTemporaryFile(@TempDir Path dir) throws IOException {
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        Path target = plain.resolve("out.xml");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> OutputFiles.createTempBeside(target));
        java.nio.file.FileSystemException fs = org.junit.jupiter.api.Assertions.assertInstanceOf(
                java.nio.file.FileSystemException.class, e);
        assertEquals(target.toString(), fs.getFile());
        assertEquals(null, fs.getOtherFile());
        assertFalse(e.getMessage().contains(".part"), e.getMessage());
        assertTrue(fs.getReason() != null && !fs.getReason().isBlank(), String.valueOf(fs.getReason()));
        assertTrue(e.getCause() instanceof java.nio.file.FileSystemException, "the system's exception is the cause");
    }

    /**
     * When every name tried is taken, the failure names the output, not the last temporary name tried,
     * and says why; nothing is created.
     */
    @Test
    void noFreeNameIsSaidOfTheOutput(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.xml");
        Path taken = Files.createFile(dir.resolve(".out.xml7.part"));
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> OutputFiles.createTempBeside(target, () -> 7));
        java.nio.file.FileSystemException fs = org.junit.jupiter.api.Assertions.assertInstanceOf(
                java.nio.file.FileSystemException.class, e);
        assertEquals(java.nio.file.FileSystemException.class, e.getClass(), "not that the output exists");
        assertEquals(target.toString(), fs.getFile());
        assertEquals("no free temporary name beside it after 101 attempts", fs.getReason());
        assertFalse(e.getMessage().contains(".part"), e.getMessage());
        assertTrue(e.getCause() instanceof java.nio.file.FileAlreadyExistsException);
        assertEquals(List.of(taken), list(dir));
        assertEquals("cannot create " + target + ": no free temporary name beside it after 101 attempts",
                org.mwdump.DumpException.cannotCreate(target.toString(), e).getMessage());
    }

    /**
     * A failure the file system gives without a reason (its message only the file's name) is still said
     * with one: never {@code cannot create X: X}.
     */
    @Test
    void aFailureWithoutAReasonGetsOne(@TempDir Path dir) {
        Path target = dir.resolve("out.xml");
        String temp = dir.resolve(".out.xml1.part").toString();
        java.util.Map<java.nio.file.FileSystemException, String> reasons = new java.util.LinkedHashMap<>();
        reasons.put(new java.nio.file.FileSystemException(temp), "the file system refused to create a file there");
        reasons.put(new java.nio.file.NotDirectoryException(temp), "not a directory");
        reasons.put(new java.nio.file.AccessDeniedException(temp), "permission denied");
        reasons.put(new java.nio.file.NoSuchFileException(temp), "no such directory");
        reasons.put(new java.nio.file.FileSystemException(temp, null, "Read-only file system"), "Read-only file system");
        for (var r : reasons.entrySet()) {
            java.nio.file.FileSystemException named = OutputFiles.namingTarget(r.getKey(), target);
            assertEquals(target.toString(), named.getFile(), r.getKey().toString());
            assertEquals(r.getValue(), named.getReason(), r.getKey().toString());
            assertEquals("cannot create " + target + ": " + r.getValue(),
                    org.mwdump.DumpException.cannotCreate(target.toString(), named).getMessage());
        }
    }

    /** The same as a {@link org.mwdump.DumpException}, for writers of outputs: "cannot create OUT: why". */
    @Test
    void createTempBesideOutputSaysWhatDumpsCreateSays(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("no/such/out.xml");
        org.mwdump.DumpException e = org.junit.jupiter.api.Assertions.assertThrows(org.mwdump.DumpException.class,
                () -> OutputFiles.createTempBesideOutput(target));
        assertEquals("cannot create " + target + ": no such directory", e.getMessage());
        assertTrue(e.getCause() instanceof java.nio.file.NoSuchFileException);
        Path temp = OutputFiles.createTempBesideOutput(dir.resolve("out.xml"));
        assertEquals(List.of(temp), list(dir));
        OutputFiles.discard(temp);
    }

    static List<Path> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    static int mode(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 0400 >> p.ordinal();
        }
        return mode;
    }

    /** The umask from {@code /proc/self/status} (Linux 4.7 and later), or null. */
    static Integer processUmask() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return null;
        }
        List<String> lines = Files.readAllLines(status);
        for (String line : lines) {
            if (line.startsWith("Umask:")) {
                return Integer.parseInt(line.substring(6).strip(), 8);
            }
        }
        return null;
    }
}
