package dev.eddy.cli;

import java.nio.file.Path;

/**
 * Reads {@code eddy serve}'s options without starting picocli: building picocli's model of
 * the commands costs about 300 ms, most of a cold start. It knows the options by
 * {@link ServeCommand}'s own name constants and starts from its defaults. Anything it does
 * not fully understand (help, version, an unknown option, a bad value) returns null, and
 * picocli parses the arguments as usual, with its own messages.
 */
final class ServeArguments {
    private ServeArguments() {
    }

    /** The command with its options set, or null when picocli should parse {@code args}. */
    static ServeCommand parse(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) return null;
        try {
            return parseServe(args);
        } catch (RuntimeException e) {
            return null; // an unusable value, such as a path the file system refuses
        }
    }

    private static ServeCommand parseServe(String[] args) {
        ServeCommand command = new ServeCommand();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            boolean flag = name.equals(ServeCommand.IN_MEMORY) || name.equals(ServeCommand.SYNC_WRITES)
                    || name.equals(ServeCommand.WARM_UP);
            if (flag) {
                if (value != null) return null;
            } else if (value == null) {
                if (i + 1 == args.length || args[i + 1].startsWith("-")) return null;
                value = args[++i];
            }
            switch (name) {
                case ServeCommand.IN_MEMORY -> command.inMemory = true;
                case ServeCommand.SYNC_WRITES -> command.syncWrites = true;
                case ServeCommand.WARM_UP -> command.warmUp = true;
                case ServeCommand.HOST -> command.host = value;
                case ServeCommand.REGION -> command.region = value;
                case ServeCommand.DATA_DIR -> command.dataDirectory = Path.of(value);
                case ServeCommand.PORT -> {
                    if (!value.matches("[0-9]{1,5}")) return null;
                    command.port = Integer.parseInt(value);
                }
                case ServeCommand.AUTH -> {
                    int colon = value.indexOf(':');
                    if (colon <= 0 || colon == value.length() - 1) return null;
                    command.credentials.add(value);
                }
                default -> {
                    return null;
                }
            }
        }
        return command;
    }
}
