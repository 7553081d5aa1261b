package dev.eddy.api.http;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Eddy's one HTTP endpoint: codec, body decompression, an aggregator with AWS's size limit, one handler. */
public final class EddyServer implements AutoCloseable {
    /** DynamoDB refuses request bodies over 16 MB. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    static {
        // Netty would otherwise look for SLF4J and Log4j first, which takes start-up time and,
        // with SLF4J present but unbound, prints a warning on an embedding application's console.
        InternalLoggerFactory.setDefaultFactory(NettyLog.FACTORY);
    }

    /** Linux's epoll transport answers in fewer microseconds than the JDK's selector; NIO elsewhere. */
    private static final boolean EPOLL = Epoll.isAvailable();
    private final EventLoopGroup boss = EPOLL ? new EpollEventLoopGroup(1, daemonThreads("eddy-accept"))
            : new NioEventLoopGroup(1, daemonThreads("eddy-accept"));
    private final EventLoopGroup io = EPOLL ? new EpollEventLoopGroup(0, daemonThreads("eddy-io"))
            : new NioEventLoopGroup(0, daemonThreads("eddy-io"));
    /**
     * Netty's pooled buffers in 1 MB chunks instead of its default 4 MB: each event loop's arena
     * holds at least one chunk, and with four loops the default kept 16 MB resident for buffers
     * that are mostly a few kilobytes. Larger buffers are allocated on their own.
     */
    private static final ByteBufAllocator ALLOCATOR = new PooledByteBufAllocator(true,
            PooledByteBufAllocator.defaultNumHeapArena(), PooledByteBufAllocator.defaultNumDirectArena(),
            PooledByteBufAllocator.defaultPageSize(), 7, PooledByteBufAllocator.defaultSmallCacheSize(),
            PooledByteBufAllocator.defaultNormalCacheSize(), PooledByteBufAllocator.defaultUseCacheForAllThreads());
    private final ExecutorService workers;
    private volatile Channel channel;
    // Set by serve() before the first connection is accepted.
    private volatile Dispatcher dispatcher;
    private volatile RequestHandler handler;

    /**
     * Starts Netty (its native transport, event loops and worker pool) without listening yet:
     * that takes tens of milliseconds, which a caller can overlap with opening the store.
     *
     * @param storeInMemory whether the store never waits for a disk, which sets how many
     *                      requests run at once (see {@link #workerThreads})
     */
    public EddyServer(boolean storeInMemory) {
        workers = Executors.newFixedThreadPool(workerThreads(storeInMemory), daemonThreads("eddy-worker"));
    }

    /**
     * Requests that may wait for the disk (a read missing the block cache, a synced write) run
     * many at once, so that the waits overlap and RocksDB commits concurrent writes together.
     * An in-memory store's requests only use the CPU: more of them at once than twice the cores
     * only shared the cores out more finely. On two cores, four threads instead of sixteen took
     * a fifth off BatchWriteItem's p99 at 16 clients and almost half off Query's, at the same or
     * higher throughput (bench/README.md).
     */
    static int workerThreads(boolean storeInMemory) {
        int cores = Runtime.getRuntime().availableProcessors();
        return storeInMemory ? Math.max(4, cores * 2) : Math.max(16, cores * 8);
    }

    /**
     * Binds {@code host:port} without accepting connections yet, so that a caller can open the
     * store meanwhile: a client that connects early is queued by the kernel until {@link #serve}.
     */
    public void bind(String host, int port) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, io)
                .channel(EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOCATOR, ALLOCATOR)
                .childOption(ChannelOption.ALLOCATOR, ALLOCATOR)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec(8192, MAX_HEADER_BYTES, 65536))
                                .addLast(new Aggregator(dispatcher))
                                .addLast(handler);
                    }
                });
        try {
            channel = bootstrap.bind(host, port).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding", e);
        } catch (Exception e) {
            // Netty rethrows the socket's exception undeclared, and its epoll transport's is not a
            // BindException but an IOException saying "bind(..) failed: Address already in use".
            if (e instanceof RuntimeException unchecked) throw unchecked;
            String reason = String.valueOf(e.getMessage()).replace("bind(..) failed: ", "");
            BindException cause = new BindException(reason);
            cause.initCause(e);
            throw new UncheckedIOException(reason, cause);
        }
    }

    /** Accepts connections on the bound address and hands every request to {@code dispatcher}. */
    public void serve(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.handler = new RequestHandler(dispatcher, workers);
        channel.config().setAutoRead(true);
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        Channel listening = channel;
        if (listening != null) listening.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers an oversized body as AWS does, with a request id, instead of Netty's bare 413. */
    private static final class Aggregator extends HttpObjectAggregator {
        private final Dispatcher dispatcher;

        Aggregator(Dispatcher dispatcher) {
            super(MAX_BODY_BYTES);
            this.dispatcher = dispatcher;
        }

        /**
         * Answers 413 and keeps the connection, the aggregator discarding the rest of the body:
         * closing while the client still sends made it see a reset instead of the answer.
         */
        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            RequestHandler.write(ctx, tooLarge(dispatcher, HttpUtil.getContentLength(oversized, -1L)),
                    HttpUtil.isKeepAlive(oversized), false);
        }
    }

    /** DynamoDB's answer to a request body over {@link #MAX_BODY_BYTES}. */
    static HttpAnswer tooLarge(Dispatcher dispatcher, long size) {
        HttpAnswer answer = dispatcher.error(new DynamoException(ErrorCode.REQUEST_ENTITY_TOO_LARGE,
                "Request size " + size + " exceeded " + MAX_BODY_BYTES + " bytes"));
        return new HttpAnswer(413, answer.headers(), answer.body(), answer.bodyOffset(), answer.bodyLength());
    }

    /**
     * Request threads get 8 MB stacks: the expression parser descends once per parenthesis, and
     * a 4 KB expression of 2,000 nested pairs overflowed the default 1 MB before the JIT had
     * compiled it. Only the pages a request touches become resident.
     */
    private static final long REQUEST_THREAD_STACK_BYTES = 8L << 20;

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, prefix + "-" + n.incrementAndGet(), REQUEST_THREAD_STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
    }
}
