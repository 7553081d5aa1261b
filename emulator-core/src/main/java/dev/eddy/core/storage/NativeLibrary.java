package dev.eddy.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;

/**
 * Loads RocksDB's native library. rocksdbjni unpacks its ~15 MB library from the jar into a
 * fresh temporary file on every start, which costs much of a cold start; Eddy unpacks it
 * once per version into a cache folder and loads it from there.
 */
final class NativeLibrary {
    private NativeLibrary() {
    }

    static void load() {
        String fileName = Environment.getJniLibraryFileName("rocksdb");
        try {
            Path dir = cacheDirectory();
            Path library = dir.resolve(fileName);
            if (!Files.isRegularFile(library)) unpack("/" + fileName, dir, library);
            RocksDB.loadLibrary(List.of(dir.toString()));
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            // An unwritable cache only costs time: let rocksdbjni unpack it its own way.
            RocksDB.loadLibrary();
        }
    }

    private static Path cacheDirectory() {
        String version = RocksDB.class.getPackage().getImplementationVersion();
        String base = System.getenv("XDG_CACHE_HOME");
        Path root = base != null ? Path.of(base) : Path.of(System.getProperty("user.home"), ".cache");
        return root.resolve("eddy").resolve("rocksdbjni-" + (version == null ? "unknown" : version));
    }

    private static void unpack(String resource, Path dir, Path library) throws IOException {
        Files.createDirectories(dir);
        try (InputStream in = RocksDB.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("no " + resource + " in rocksdbjni");
            Path partial = Files.createTempFile(dir, "unpacking-", ".tmp");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            // Another process may unpack concurrently: the rename makes whichever copy lands whole.
            Files.move(partial, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
