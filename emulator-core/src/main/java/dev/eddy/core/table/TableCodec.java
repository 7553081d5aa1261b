package dev.eddy.core.table;

import dev.eddy.core.item.AttributeValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stored form of a table definition. The leading version byte lets the format grow. */
final class TableCodec {
    private static final int VERSION = 1;

    private TableCodec() {
    }

    static byte[] encode(TableDefinition t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(t.region());
            out.writeUTF(t.name());
            out.writeLong(t.id());
            out.writeUTF(t.tableId());
            writeInstant(out, t.created());
            writeKeySchema(out, t.keySchema());
            out.writeInt(t.attributeDefinitions().size());
            for (Map.Entry<String, AttributeValue.Type> e : t.attributeDefinitions().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue().name());
            }
            out.writeUTF(t.billingMode().name());
            writeInstant(out, t.lastUpdateToPayPerRequest());
            writeThroughput(out, t.throughput());
            out.writeBoolean(t.stream().enabled());
            writeNullable(out, t.stream().viewType() == null ? null : t.stream().viewType().name());
            writeNullable(out, t.latestStreamLabel());
            out.writeBoolean(t.deletionProtection());
            out.writeUTF(t.tableClass());
            writeInstant(out, t.tableClassLastUpdate());
            writeIndexes(out, t.localIndexes());
            writeIndexes(out, t.globalIndexes());
            writeTags(out, t.tags());
            writeNullable(out, t.timeToLive().attributeName());
            out.writeBoolean(t.timeToLive().enabled());
            out.writeUTF(t.status().name());
            writeNullable(out, t.kmsMasterKeyArn());
            writeTags(out, t.streamTags());
            writeOnDemandThroughput(out, t.onDemandThroughput());
            for (SecondaryIndex i : t.globalIndexes()) writeOnDemandThroughput(out, i.onDemandThroughput());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TableDefinition decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) throw new IllegalStateException("unknown table format " + version);
            TableDefinition.Builder b = TableDefinition.builder()
                    .region(in.readUTF())
                    .name(in.readUTF())
                    .id(in.readLong())
                    .tableId(in.readUTF())
                    .created(readInstant(in))
                    .keySchema(readKeySchema(in));
            int defs = in.readInt();
            Map<String, AttributeValue.Type> definitions = new LinkedHashMap<>();
            for (int i = 0; i < defs; i++) definitions.put(in.readUTF(), AttributeValue.Type.valueOf(in.readUTF()));
            b.attributeDefinitions(definitions)
                    .billingMode(BillingMode.valueOf(in.readUTF()))
                    .lastUpdateToPayPerRequest(readInstant(in))
                    .throughput(readThroughput(in));
            boolean streamEnabled = in.readBoolean();
            String viewType = readNullable(in);
            b.stream(new StreamSpecification(streamEnabled,
                    viewType == null ? null : StreamSpecification.ViewType.valueOf(viewType)));
            b.latestStreamLabel(readNullable(in))
                    .deletionProtection(in.readBoolean())
                    .tableClass(in.readUTF())
                    .tableClassLastUpdate(readInstant(in))
                    .localIndexes(readIndexes(in))
                    .globalIndexes(readIndexes(in));
            b.tags(readTags(in));
            String ttlName = readNullable(in);
            b.timeToLive(new TimeToLive(ttlName, in.readBoolean()));
            b.status(TableStatus.valueOf(in.readUTF()));
            // Tables stored before server-side encryption was kept use the AWS owned key.
            if (in.available() > 0) b.kmsMasterKeyArn(readNullable(in));
            // Nor had those stored before a stream's tags were kept any.
            if (in.available() > 0) b.streamTags(readTags(in));
            // Nor those stored before maximum on-demand throughput was kept any: the table's,
            // then each global index's in order.
            if (in.available() > 0) {
                b.onDemandThroughput(readOnDemandThroughput(in));
                List<SecondaryIndex> globals = new ArrayList<>();
                for (SecondaryIndex i : b.build().globalIndexes()) globals.add(i.withOnDemandThroughput(readOnDemandThroughput(in)));
                b.globalIndexes(globals);
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeOnDemandThroughput(DataOutputStream out, OnDemandThroughput t) throws IOException {
        out.writeBoolean(t != null);
        if (t == null) return;
        out.writeLong(t.maxReadRequestUnits());
        out.writeLong(t.maxWriteRequestUnits());
    }

    private static OnDemandThroughput readOnDemandThroughput(DataInputStream in) throws IOException {
        return in.readBoolean() ? new OnDemandThroughput(in.readLong(), in.readLong()) : null;
    }

    private static void writeTags(DataOutputStream out, Map<String, String> tags) throws IOException {
        out.writeInt(tags.size());
        for (Map.Entry<String, String> e : tags.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    private static Map<String, String> readTags(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) tags.put(in.readUTF(), in.readUTF());
        return tags;
    }

    /**
     * A key schema: the first partition key attribute, then a shape byte whose low nibble is
     * the number of sort key attributes and whose high nibble the number of partition key
     * attributes after the first, then those attributes. A single-attribute key's shape byte
     * is 0 or 1, the boolean "has a sort key" of the format before multi-attribute keys, so
     * definitions stored before them read unchanged.
     */
    private static void writeKeySchema(DataOutputStream out, KeySchema k) throws IOException {
        writeKeyAttribute(out, k.partitionKey());
        List<KeyAttribute> morePartition = k.partitionKeys().subList(1, k.partitionKeys().size());
        out.writeByte(morePartition.size() << 4 | k.sortKeys().size());
        for (KeyAttribute a : k.sortKeys()) writeKeyAttribute(out, a);
        for (KeyAttribute a : morePartition) writeKeyAttribute(out, a);
    }

    private static KeySchema readKeySchema(DataInputStream in) throws IOException {
        List<KeyAttribute> partition = new ArrayList<>(1);
        partition.add(readKeyAttribute(in));
        int shape = in.readUnsignedByte();
        List<KeyAttribute> sort = new ArrayList<>(shape & 0x0F);
        for (int i = 0; i < (shape & 0x0F); i++) sort.add(readKeyAttribute(in));
        for (int i = 0; i < shape >>> 4; i++) partition.add(readKeyAttribute(in));
        return new KeySchema(partition, sort);
    }

    private static void writeKeyAttribute(DataOutputStream out, KeyAttribute a) throws IOException {
        out.writeUTF(a.name());
        out.writeUTF(a.type().name());
    }

    private static KeyAttribute readKeyAttribute(DataInputStream in) throws IOException {
        return new KeyAttribute(in.readUTF(), AttributeValue.Type.valueOf(in.readUTF()));
    }

    private static void writeThroughput(DataOutputStream out, Throughput t) throws IOException {
        out.writeLong(t.readCapacityUnits());
        out.writeLong(t.writeCapacityUnits());
        writeInstant(out, t.lastIncrease());
        writeInstant(out, t.lastDecrease());
        out.writeInt(t.decreasesToday());
    }

    private static Throughput readThroughput(DataInputStream in) throws IOException {
        return new Throughput(in.readLong(), in.readLong(), readInstant(in), readInstant(in), in.readInt());
    }

    private static void writeIndexes(DataOutputStream out, List<SecondaryIndex> indexes) throws IOException {
        out.writeInt(indexes.size());
        for (SecondaryIndex i : indexes) {
            out.writeUTF(i.name());
            out.writeLong(i.id());
            out.writeBoolean(i.global());
            writeKeySchema(out, i.keySchema());
            out.writeUTF(i.projection().type().name());
            List<String> nonKey = i.projection().nonKeyAttributes();
            out.writeInt(nonKey == null ? -1 : nonKey.size());
            if (nonKey != null) for (String a : nonKey) out.writeUTF(a);
            writeThroughput(out, i.throughput());
            out.writeUTF(i.status().name());
            out.writeBoolean(i.backfilling());
        }
    }

    private static List<SecondaryIndex> readIndexes(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<SecondaryIndex> list = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            String name = in.readUTF();
            long id = in.readLong();
            boolean global = in.readBoolean();
            KeySchema keySchema = readKeySchema(in);
            Projection.Type type = Projection.Type.valueOf(in.readUTF());
            int nonKeyCount = in.readInt();
            List<String> nonKey = null;
            if (nonKeyCount >= 0) {
                nonKey = new ArrayList<>(nonKeyCount);
                for (int j = 0; j < nonKeyCount; j++) nonKey.add(in.readUTF());
            }
            Throughput throughput = readThroughput(in);
            SecondaryIndex.IndexStatus status = SecondaryIndex.IndexStatus.valueOf(in.readUTF());
            list.add(new SecondaryIndex(name, id, global, keySchema, new Projection(type, nonKey), throughput,
                    status, in.readBoolean()));
        }
        return list;
    }

    private static void writeInstant(DataOutputStream out, Instant i) throws IOException {
        out.writeBoolean(i != null);
        if (i != null) {
            out.writeLong(i.getEpochSecond());
            out.writeInt(i.getNano());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s);
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
