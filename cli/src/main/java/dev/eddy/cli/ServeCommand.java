package dev.eddy.cli;

import dev.eddy.core.storage.StorageException;
import dev.eddy.embedded.EmbeddedEddy;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eddy serve}: starts the endpoint and runs until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start Eddy: DynamoDB and DynamoDB Streams on one HTTP endpoint.")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    // The option names are constants so that ServeArguments, picocli's fast stand-in, reads the same ones.
    static final String PORT = "--port";
    static final String HOST = "--host";
    static final String DATA_DIR = "--data-dir";
    static final String IN_MEMORY = "--in-memory";
    static final String REGION = "--region";
    static final String SYNC_WRITES = "--sync-writes";
    static final String AUTH = "--auth";
    static final String WARM_UP = "--warm-up";

    // Defaults are the fields' initial values, which picocli and ServeArguments both start from.
    @Option(names = PORT, description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port = 8000;

    @Option(names = HOST, description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = DATA_DIR, paramLabel = "DIR", description = "Where tables are kept (default: ${DEFAULT-VALUE}).")
    Path dataDirectory = Path.of("./eddy-data");

    @Option(names = IN_MEMORY, description = "Keep everything in memory; nothing is written to disk.")
    boolean inMemory;

    @Option(names = REGION,
            description = "Region for requests that name none in their signature (default: ${DEFAULT-VALUE}).")
    String region = "us-east-1";

    @Option(names = SYNC_WRITES, description = "fsync every write, to survive power loss (slower).")
    boolean syncWrites;

    @Option(names = AUTH, paramLabel = "KEY:SECRET",
            description = "Require AWS Signature V4 by this access key (repeatable).")
    List<String> credentials = new ArrayList<>();

    @Option(names = WARM_UP, hidden = true,
            description = "Serve a few requests to itself, then exit: the ./eddy script's class-data training run.")
    boolean warmUp;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * By default Netty tracks one buffer in 128 for leaks, recording a stack trace for it: 1% of
     * a GetItem's CPU at 16 clients. The server turns it off unless told otherwise; an
     * application that embeds Eddy keeps its own setting, and the tests Netty's default.
     */
    private static final String NETTY_LEAK_DETECTION = "io.netty.leakDetection.level";

    @Override
    public Integer call() throws Exception {
        if (System.getProperty(NETTY_LEAK_DETECTION) == null) System.setProperty(NETTY_LEAK_DETECTION, "disabled");
        EmbeddedEddy.Builder builder = EmbeddedEddy.builder()
                .host(host).port(port).dataDirectory(dataDirectory).inMemory(inMemory)
                .region(region).syncWrites(syncWrites);
        for (String credential : credentials) {
            int colon = credential.indexOf(':');
            if (colon <= 0 || colon == credential.length() - 1) throw InvalidOption.auth(spec, credential);
            builder.credential(credential.substring(0, colon), credential.substring(colon + 1));
        }
        long started = System.nanoTime();
        EmbeddedEddy eddy;
        try {
            eddy = builder.start();
        } catch (StorageException e) {
            System.err.println("eddy: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof BindException)) throw e;
            System.err.println("eddy: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Made in the training run too, so that the class-data archive holds its lambda's class:
        // otherwise the JDK generates that class at every start, after the store is open.
        Thread closeOnExit = new Thread(() -> {
            eddy.close();
            stopped.countDown();
        }, "eddy-shutdown");
        if (warmUp) {
            try (eddy) {
                WarmUp.exercise(eddy.port());
            }
            return 0;
        }
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Eddy listening on " + eddy.endpoint() + ", data in "
                + (inMemory ? "memory only" : dataDirectory.toAbsolutePath().normalize())
                + " (started in " + millis + " ms)");
        stopped.await();
        return 0;
    }

    /**
     * Builds picocli's exception apart from ServeCommand: verifying ServeCommand, which every
     * start does, would load the exception's class to check that it is a Throwable, and
     * picocli's classes (built for Java 5) are never in the class-data archive, so loading one
     * opened the whole jar (4,000 entries) from the start-up path.
     */
    private static final class InvalidOption {
        static RuntimeException auth(CommandLine.Model.CommandSpec spec, String credential) {
            return new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--auth': expected KEY:SECRET but was '" + credential + "'");
        }
    }
}
