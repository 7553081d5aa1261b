package dev.eddy.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;

/**
 * Loads RocksDB's native library. rocksdbjni unpacks its ~15 MB library from the jar into a
 * fresh temporary file on every start, which costs much of a cold start; Eddy unpacks it
 * once per rocksdbjni version into a cache folder and loads it from there.
 */
public final class NativeLibrary {
    /**
     * The rocksdbjni version, naming the cache folder. Written here rather than read from a
     * resource: reading one opens Eddy's 78 MB jar (its directory of 4,000 entries), which
     * nothing else at start-up needs. NativeLibraryTest holds it to the version Maven builds with.
     */
    static final String ROCKSDBJNI_VERSION = "9.8.4";

    private NativeLibrary() {
    }

    /**
     * Loads the library on a background thread, so that a launcher that calls this first
     * thing overlaps the load with its own start-up; the first open waits for it if need be.
     */
    public static void loadInBackground() {
        Thread t = new Thread(() -> {
            try {
                Class.forName(Store.class.getName());
            } catch (ClassNotFoundException | LinkageError e) {
                // the first open reports it
            }
        }, "eddy-load-rocksdb");
        t.setDaemon(true);
        t.start();
    }

    static void load() {
        try {
            String resource = libraryInJar();
            Path dir = cacheDirectory();
            // RocksDB.loadLibrary(paths) looks for the library under a name of its own.
            Path library = dir.resolve("librocksdbjni" + resource.substring("librocksdb".length()));
            if (!Files.isRegularFile(library)) unpack("/" + resource, dir, library);
            RocksDB.loadLibrary(List.of(dir.toString()));
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            // An unwritable cache only costs time: let rocksdbjni unpack it its own way.
            RocksDB.loadLibrary();
        }
    }

    /**
     * The library's file name in the rocksdbjni jar. The common platforms are named directly:
     * asking rocksdbjni's Environment costs tens of milliseconds of start-up.
     */
    private static String libraryInJar() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (os.startsWith("linux")) {
            boolean isMusl = Files.exists(Path.of("/lib/ld-musl-" + (arch.equals("aarch64") ? "aarch64" : "x86_64") + ".so.1"));
            tellRocksDbMusl(isMusl);
            String musl = isMusl ? "-musl" : "";
            if (arch.equals("amd64") || arch.equals("x86_64")) return "librocksdbjni-linux64" + musl + ".so";
            if (arch.equals("aarch64")) return "librocksdbjni-linux-aarch64" + musl + ".so";
        }
        return Environment.getJniLibraryFileName("rocksdb");
    }

    /**
     * Gives rocksdbjni the answer found above. Unless ROCKSDB_MUSL_LIBC is set, it learns
     * whether the C library is musl by running ldd in a subprocess, about 45 ms of a start
     * (alternating cold starts), paid by every JVM that embeds Eddy. The answer is kept in a
     * private field; should a later rocksdbjni rename it, rocksdbjni asks ldd as before.
     */
    private static void tellRocksDbMusl(boolean musl) {
        try {
            Field answer = Environment.class.getDeclaredField("MUSL_LIBC");
            answer.setAccessible(true);
            if (answer.get(null) == null) answer.set(null, musl);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // rocksdbjni finds out its own way
        }
    }

    private static Path cacheDirectory() {
        String base = System.getenv("XDG_CACHE_HOME");
        Path root = base != null ? Path.of(base) : Path.of(System.getProperty("user.home"), ".cache");
        return root.resolve("eddy").resolve("rocksdbjni-" + ROCKSDBJNI_VERSION);
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
