package dev.eddy.embedded;

import dev.eddy.api.http.Authenticator;
import dev.eddy.api.http.Authenticators;
import dev.eddy.api.http.Dispatcher;
import dev.eddy.api.http.EddyServer;
import dev.eddy.api.operation.DynamoOperations;
import dev.eddy.core.Emulator;
import dev.eddy.core.clock.SettableClock;
import dev.eddy.core.ttl.TimeToLiveSweeper;
import dev.eddy.streams.StreamMaintenance;
import dev.eddy.streams.StreamsOperations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Eddy in-process: the engine, every API on one endpoint, and its background work.
 * {@code eddy serve} and tests start it the same way.
 */
public final class EmbeddedEddy implements AutoCloseable {
    private final Emulator emulator;
    private final EddyServer server;
    private final SettableClock clock;
    private final TimeToLiveSweeper sweeper;
    private final String host;

    private EmbeddedEddy(Builder b) {
        this.clock = b.clock;
        this.host = b.host;
        // An in-memory store opens on a thread of its own while Netty starts and binds on this
        // one: each takes tens of milliseconds of a cold start. A store on disk opens once the
        // port is bound, so that a port in use leaves no data directory behind.
        FutureTask<Emulator> opening = new FutureTask<>(() -> b.inMemory ? Emulator.inMemory(clock)
                : Emulator.open(b.dataDirectory, b.syncWrites, clock));
        if (b.inMemory) new Thread(opening, "eddy-open-store").start();
        EddyServer bound = null;
        try {
            bound = new EddyServer(b.inMemory);
            bound.bind(b.host, b.port);
        } catch (RuntimeException e) {
            if (bound != null) bound.close();
            if (b.inMemory) {
                try {
                    opened(opening).close();
                } catch (RuntimeException | Error alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
            }
            throw e;
        }
        this.server = bound;
        if (!b.inMemory) opening.run();
        try {
            this.emulator = opened(opening);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        try {
            Authenticator authenticator = b.credentials.isEmpty() ? Authenticators.open()
                    : Authenticators.verifying(b.credentials, clock);
            Dispatcher dispatcher = new Dispatcher(emulator, authenticator, b.region);
            dispatcher.register(DynamoOperations.service());
            emulator.changeLog().rollOverEvery(b.shardRollOverInterval);
            dispatcher.register(StreamsOperations.service(emulator));
            emulator.onClose(new StreamMaintenance(emulator.changeLog(), b.streamMaintenanceInterval));
            this.sweeper = new TimeToLiveSweeper(emulator, b.timeToLiveInterval);
            emulator.onClose(sweeper);
            server.serve(dispatcher);
        } catch (RuntimeException e) {
            server.close();
            emulator.close();
            throw e;
        }
    }

    /** Waits for the store, and rethrows what opening it threw. */
    private static Emulator opened(FutureTask<Emulator> opening) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return opening.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    if (e.getCause() instanceof Error error) throw error;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return server.port();
    }

    public String endpoint() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** The clock every time-driven rule reads; tests move it forward. */
    public SettableClock clock() {
        return clock;
    }

    public Emulator emulator() {
        return emulator;
    }

    /** Runs the TTL sweep now instead of waiting for its next round. */
    public int expireItemsNow() {
        return sweeper.sweep();
    }

    @Override
    public void close() {
        server.close();
        emulator.close();
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private Path dataDirectory = Path.of("eddy-data");
        private boolean inMemory;
        private boolean syncWrites;
        private String region = "us-east-1";
        private final Map<String, String> credentials = new LinkedHashMap<>();
        private SettableClock clock = new SettableClock();
        private Duration timeToLiveInterval = Duration.ofSeconds(5);
        private Duration shardRollOverInterval = Duration.ofHours(4);
        private Duration streamMaintenanceInterval = Duration.ofMinutes(1);

        public Builder host(String v) { host = v; return this; }
        /** 0 picks a free port. */
        public Builder port(int v) { port = v; return this; }
        public Builder dataDirectory(Path v) { dataDirectory = v; return this; }
        public Builder inMemory(boolean v) { inMemory = v; return this; }
        /** fsync every write: survives power loss, not only a killed process. */
        public Builder syncWrites(boolean v) { syncWrites = v; return this; }
        public Builder region(String v) { region = v; return this; }
        /** Requires every request to be signed by this key (SigV4). */
        public Builder credential(String accessKey, String secretKey) { credentials.put(accessKey, secretKey); return this; }
        public Builder clock(SettableClock v) { clock = v; return this; }
        public Builder timeToLiveInterval(Duration v) { timeToLiveInterval = v; return this; }
        /** How long a stream shard stays open before a child takes over (AWS: about four hours). */
        public Builder shardRollOverInterval(Duration v) { shardRollOverInterval = v; return this; }
        /** How often stream shards are rolled over and records trimmed when nobody reads them. */
        public Builder streamMaintenanceInterval(Duration v) { streamMaintenanceInterval = v; return this; }

        public EmbeddedEddy start() {
            return new EmbeddedEddy(this);
        }
    }
}
