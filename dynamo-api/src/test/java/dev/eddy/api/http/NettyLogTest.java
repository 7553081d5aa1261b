package dev.eddy.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.util.internal.logging.InternalLogger;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyLogTest {
    private static final String NAME = "dev.eddy.test.NettyLogTest";
    // Held here: java.util.logging keeps its loggers only weakly, and with them their handlers.
    private final Logger jul = Logger.getLogger(NAME);
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final InternalLogger netty = NettyLog.FACTORY.newInstance(NAME);

    @BeforeEach
    void listen() {
        jul.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        jul.removeHandler(capture);
    }

    @Test
    void warningsReachJavaUtilLoggingWithTheirPlaceholdersFilled() {
        netty.warn("LEAK: {} of {} buffers", 2, "pooled");
        assertEquals(1, records.size());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertEquals("LEAK: 2 of pooled buffers", records.get(0).getMessage());
        assertEquals(NAME, records.get(0).getLoggerName());
        assertNull(records.get(0).getThrown());
    }

    @Test
    void aThrowableAfterThePlaceholdersIsTheExceptionLogged() {
        IllegalStateException failure = new IllegalStateException("boom");
        netty.error("failed to close {}", "channel", failure);
        netty.info("plain", failure);
        assertEquals(List.of("failed to close channel", "plain"), records.stream().map(LogRecord::getMessage).toList());
        assertEquals(Level.SEVERE, records.get(0).getLevel());
        assertSame(failure, records.get(0).getThrown());
        assertSame(failure, records.get(1).getThrown());
    }

    @Test
    void placeholdersWithoutArgumentsStayAsWritten() {
        netty.warn("{} and {}", "one");
        assertEquals("one and {}", records.get(0).getMessage());
    }

    @Test
    void debugAndTraceAreOffWithoutAskingJavaUtilLogging() {
        jul.setLevel(Level.ALL);
        try {
            assertFalse(netty.isDebugEnabled());
            netty.debug("{}", "not written");
            netty.trace("not written");
            assertEquals(List.of(), records);
        } finally {
            jul.setLevel(null);
        }
    }

    @Test
    void javaUtilLoggingsLevelStillApplies() {
        jul.setLevel(Level.SEVERE);
        try {
            netty.warn("dropped {}", 1);
            netty.error("kept {}", 2);
            assertEquals(List.of("kept 2"), records.stream().map(LogRecord::getMessage).toList());
        } finally {
            jul.setLevel(null);
        }
    }
}
