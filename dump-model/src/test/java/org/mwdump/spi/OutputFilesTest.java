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
