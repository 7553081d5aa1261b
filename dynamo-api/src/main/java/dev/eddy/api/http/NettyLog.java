package dev.eddy.api.http;

import io.netty.util.internal.logging.AbstractInternalLogger;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Netty's log, written through java.util.logging, which starts only when Netty has something
 * to say. Netty asks for a logger in dozens of static initializers; backing each with a JUL
 * logger at once started JUL's LogManager and cost about 50 ms of a cold start (bench/README.md).
 * Debug and trace are off, as in JUL's default configuration; info, warnings and errors go to
 * JUL, which applies its own levels and handlers.
 */
final class NettyLog extends InternalLoggerFactory {
    static final NettyLog FACTORY = new NettyLog();

    private NettyLog() {
    }

    @Override
    protected InternalLogger newInstance(String name) {
        return new LazyLogger(name);
    }

    private static final class LazyLogger extends AbstractInternalLogger {
        private volatile Logger logger;

        LazyLogger(String name) {
            super(name);
        }

        private Logger jul() {
            Logger jul = logger;
            if (jul == null) logger = jul = Logger.getLogger(name());
            return jul;
        }

        private void log(Level level, String format, Object... args) {
            if (!jul().isLoggable(level)) return;
            StringBuilder message = new StringBuilder(format.length() + 32);
            int next = 0;
            int from = 0;
            for (int at = format.indexOf("{}"); at >= 0 && next < args.length; at = format.indexOf("{}", from)) {
                message.append(format, from, at).append(args[next++]);
                from = at + 2;
            }
            message.append(format, from, format.length());
            // As in SLF4J: a Throwable left over after the placeholders is the exception logged.
            Throwable thrown = next < args.length && args[args.length - 1] instanceof Throwable t ? t : null;
            log(level, message.toString(), thrown);
        }

        private void log(Level level, String message, Throwable thrown) {
            jul().logp(level, name(), null, message, thrown);
        }

        @Override public boolean isTraceEnabled() { return false; }
        @Override public void trace(String msg) { }
        @Override public void trace(String format, Object arg) { }
        @Override public void trace(String format, Object argA, Object argB) { }
        @Override public void trace(String format, Object... arguments) { }
        @Override public void trace(String msg, Throwable t) { }

        @Override public boolean isDebugEnabled() { return false; }
        @Override public void debug(String msg) { }
        @Override public void debug(String format, Object arg) { }
        @Override public void debug(String format, Object argA, Object argB) { }
        @Override public void debug(String format, Object... arguments) { }
        @Override public void debug(String msg, Throwable t) { }

        // Enabled as far as Netty can tell; JUL's level decides when a message is written.
        @Override public boolean isInfoEnabled() { return true; }
        @Override public void info(String msg) { log(Level.INFO, msg, (Throwable) null); }
        @Override public void info(String format, Object arg) { log(Level.INFO, format, arg); }
        @Override public void info(String format, Object argA, Object argB) { log(Level.INFO, format, argA, argB); }
        @Override public void info(String format, Object... arguments) { log(Level.INFO, format, arguments); }
        @Override public void info(String msg, Throwable t) { log(Level.INFO, msg, t); }

        @Override public boolean isWarnEnabled() { return true; }
        @Override public void warn(String msg) { log(Level.WARNING, msg, (Throwable) null); }
        @Override public void warn(String format, Object arg) { log(Level.WARNING, format, arg); }
        @Override public void warn(String format, Object argA, Object argB) { log(Level.WARNING, format, argA, argB); }
        @Override public void warn(String format, Object... arguments) { log(Level.WARNING, format, arguments); }
        @Override public void warn(String msg, Throwable t) { log(Level.WARNING, msg, t); }

        @Override public boolean isErrorEnabled() { return true; }
        @Override public void error(String msg) { log(Level.SEVERE, msg, (Throwable) null); }
        @Override public void error(String format, Object arg) { log(Level.SEVERE, format, arg); }
        @Override public void error(String format, Object argA, Object argB) { log(Level.SEVERE, format, argA, argB); }
        @Override public void error(String format, Object... arguments) { log(Level.SEVERE, format, arguments); }
        @Override public void error(String msg, Throwable t) { log(Level.SEVERE, msg, t); }
    }
}
