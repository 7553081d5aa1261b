package dev.eddy.cli;

import dev.eddy.core.storage.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code eddy} command: DynamoDB, DynamoDB Streams and Lambda on your machine. */
@Command(name = "eddy",
        mixinStandardHelpOptions = true,
        versionProvider = Eddy.Version.class,
        description = "Amazon DynamoDB and DynamoDB Streams, emulated in one process.",
        subcommands = {ServeCommand.class, CommandLine.HelpCommand.class})
public final class Eddy implements Runnable {
    private static final String SELECTOR_PROVIDER = "java.nio.channels.spi.SelectorProvider";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        nameSelectorProvider();
        NativeLibrary.loadInBackground();
        ServeCommand serve = ServeArguments.parse(args);
        if (serve == null) System.exit(new CommandLine(new Eddy()).execute(args));
        try {
            System.exit(serve.call());
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * Names the JDK's own selector provider for the platform, the one it would pick anyway:
     * unnamed, the JDK first looks for another with the ServiceLoader, whose scan of the class
     * path opened Eddy's jar (its directory of 4,000 entries) at every start, about 15 ms.
     */
    private static void nameSelectorProvider() {
        String os = System.getProperty("os.name", "");
        String provider = os.startsWith("Linux") ? "sun.nio.ch.EPollSelectorProvider"
                : os.startsWith("Mac") ? "sun.nio.ch.KQueueSelectorProvider" : null;
        if (provider != null && System.getProperty(SELECTOR_PROVIDER) == null) System.setProperty(SELECTOR_PROVIDER, provider);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Eddy.class.getResourceAsStream("/eddy-version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {"eddy " + p.getProperty("version", "unknown")};
        }
    }
}
