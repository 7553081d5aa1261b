package dev.eddy.cli;

import dev.eddy.core.storage.StorageException;
import dev.eddy.embedded.EmbeddedEddy;
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
    @Option(names = "--port", defaultValue = "8000", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data-dir", defaultValue = "./eddy-data", paramLabel = "DIR",
            description = "Where tables are kept (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--in-memory", description = "Keep everything in memory; nothing is written to disk.")
    boolean inMemory;

    @Option(names = "--region", defaultValue = "us-east-1",
            description = "Region for requests that name none in their signature (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--sync-writes", description = "fsync every write, to survive power loss (slower).")
    boolean syncWrites;

    @Option(names = "--auth", paramLabel = "KEY:SECRET",
            description = "Require AWS Signature V4 by this access key (repeatable).")
    List<String> credentials = new ArrayList<>();

    @Option(names = "--warm-up", hidden = true,
            description = "Serve a few requests to itself, then exit: the ./eddy script's class-data training run.")
    boolean warmUp;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EmbeddedEddy.Builder builder = EmbeddedEddy.builder()
                .host(host).port(port).dataDirectory(dataDirectory).inMemory(inMemory)
                .region(region).syncWrites(syncWrites);
        for (String credential : credentials) {
            int colon = credential.indexOf(':');
            if (colon <= 0 || colon == credential.length() - 1) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Invalid value for option '--auth': expected KEY:SECRET but was '" + credential + "'");
            }
            builder.credential(credential.substring(0, colon), credential.substring(colon + 1));
        }
        long started = System.nanoTime();
        EmbeddedEddy eddy;
        try {
            eddy = builder.start();
        } catch (StorageException e) {
            System.err.println("eddy: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            // Netty rethrows the socket's checked BindException undeclared.
            if (e instanceof java.net.BindException || e.getCause() instanceof java.net.BindException) {
                System.err.println("eddy: cannot listen on " + host + ":" + port + ": " + e.getMessage());
                return 1;
            }
            throw e;
        }
        if (warmUp) {
            try (eddy) {
                WarmUp.exercise(eddy.endpoint());
            }
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            eddy.close();
            stopped.countDown();
        }, "eddy-shutdown"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Eddy listening on " + eddy.endpoint() + ", data in "
                + (inMemory ? "memory only" : dataDirectory.toAbsolutePath().normalize())
                + " (started in " + millis + " ms)");
        stopped.await();
        return 0;
    }
}
