package dev.eddy.api.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledDirectByteBuf;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * A piece of a large answer body (a GetRecords or Scan page of up to a megabyte and more)
 * in direct memory that is recycled once sent. Netty's pool gives such sizes a chunk of
 * their own, allocated (and zeroed) at each answer and freed after it; these pieces are kept
 * instead, up to a few megabytes, and need no zeroing.
 */
final class BodyPiece extends UnpooledDirectByteBuf {
    static final int BYTES = 256 * 1024;
    /** Enough for four answers of a megabyte at once, the most an in-memory store runs on two cores. */
    private static final Queue<ByteBuffer> FREE = new ArrayBlockingQueue<>(24);

    BodyPiece(ByteBufAllocator alloc) {
        super(alloc, BYTES, BYTES);
    }

    @Override
    protected ByteBuffer allocateDirect(int capacity) {
        ByteBuffer kept = FREE.poll();
        return kept != null ? kept.clear() : super.allocateDirect(capacity);
    }

    @Override
    protected void freeDirect(ByteBuffer buffer) {
        if (!FREE.offer(buffer)) super.freeDirect(buffer);
    }
}
