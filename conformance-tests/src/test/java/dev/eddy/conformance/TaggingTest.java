package dev.eddy.conformance;

import static dev.eddy.conformance.Errors.assertError;
import static dev.eddy.conformance.Errors.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

class TaggingTest {
    private final DynamoDbClient dynamo = Clients.dynamo();

    private Map<String, String> tags(String arn) {
        return dynamo.listTagsOfResource(r -> r.resourceArn(arn)).tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    @Test
    void tagsAreAddedOverwrittenListedAndRemoved() {
        String table = Tables.create("tags", ScalarAttributeType.S, null,
                b -> b.tags(Tag.builder().key("team").value("zombies").build()));
        String arn = dynamo.describeTable(r -> r.tableName(table)).table().tableArn();
        assertEquals(Map.of("team", "zombies"), tags(arn));
        dynamo.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("team").value("games").build(),
                Tag.builder().key("env").value("test").build()));
        assertEquals(Map.of("team", "games", "env", "test"), tags(arn));
        dynamo.untagResource(r -> r.resourceArn(arn).tagKeys("team", "absent"));
        assertEquals(Map.of("env", "test"), tags(arn));
        Tables.delete(table);
    }

    @Test
    void taggingAnswersWithAnEmptyBody() {
        String table = Tables.create("tags-body", ScalarAttributeType.S, null);
        String arn = dynamo.describeTable(r -> r.tableName(table)).table().tableArn();
        RawHttp.Answer tagged = RawHttp.post("DynamoDB_20120810.TagResource",
                "{\"ResourceArn\":\"" + arn + "\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}");
        assertEquals(200, tagged.status());
        assertEquals(0, tagged.body().length);
        RawHttp.Answer untagged = RawHttp.post("DynamoDB_20120810.UntagResource",
                "{\"ResourceArn\":\"" + arn + "\",\"TagKeys\":[\"k\"]}");
        assertEquals(200, untagged.status());
        assertEquals(0, untagged.body().length);
        assertEquals(Map.of(), tags(arn));
        Tables.delete(table);
    }

    @Test
    void aTableArnThatNamesNoTableIsNotFound() {
        String arn = "arn:aws:dynamodb:" + Clients.region().id() + ":" + accountOfThisEndpoint() + ":table/no-such-table-tags";
        var e = assertError("ResourceNotFoundException", null, () -> dynamo.listTagsOfResource(r -> r.resourceArn(arn)));
        assertTrue(e.awsErrorDetails().errorMessage().contains(arn), e.awsErrorDetails().errorMessage());
    }

    @Test
    void anArnThatIsNoTableArnOfThisRegionIsInvalid() {
        assertValidation("One or more parameter values were invalid: ARNs must start with 'arn:': a:b:c:d:e:f/g",
                () -> dynamo.listTagsOfResource(r -> r.resourceArn("a:b:c:d:e:f/g")));
        assertValidation("One or more parameter values were invalid: ARNs must start with 'arn:': no-such-table",
                () -> dynamo.tagResource(r -> r.resourceArn("no-such-table").tags(Tag.builder().key("k").value("v").build())));
        assertValidation("Invalid TableArn: Invalid ResourceArn provided as input arn:b:c:d:e:f/g",
                () -> dynamo.listTagsOfResource(r -> r.resourceArn("arn:b:c:d:e:f/g")));
        String otherRegion = Clients.region().id().equals("eu-west-1") ? "us-east-1" : "eu-west-1";
        String elsewhere = "arn:aws:dynamodb:" + otherRegion + ":" + accountOfThisEndpoint() + ":table/tags-elsewhere";
        assertValidation("Invalid TableArn: Invalid ResourceArn provided as input " + elsewhere,
                () -> dynamo.listTagsOfResource(r -> r.resourceArn(elsewhere)));
    }

    @Test
    void anotherAccountsTableIsNotTheCallersToTag() {
        String account = accountOfThisEndpoint().equals("111122223333") ? "444455556666" : "111122223333";
        String arn = "arn:aws:dynamodb:" + Clients.region().id() + ":" + account + ":table/tags-foreign";
        assertError("AccessDeniedException", "Access is denied", () -> dynamo.listTagsOfResource(r -> r.resourceArn(arn)));
    }

    @Test
    void tagRequestsNeedTagsAndAwsKeysAreReserved() {
        String table = Tables.create("tags-check", ScalarAttributeType.S, null);
        String arn = dynamo.describeTable(r -> r.tableName(table)).table().tableArn();
        assertValidation("Atleast one Tag needs to be provided as Input.",
                () -> dynamo.tagResource(r -> r.resourceArn(arn).tags(List.of())));
        assertValidation("Atleast one Tag Key needs to be provided as Input.",
                () -> dynamo.untagResource(r -> r.resourceArn(arn).tagKeys(List.of())));
        assertValidation("Tag Key cannot be prefixed with aws:, Key: AWS:foo",
                () -> dynamo.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("AWS:foo").value("x").build())));
        assertValidation("Tag Key cannot be prefixed with aws:, Key: aws:foo",
                () -> dynamo.untagResource(r -> r.resourceArn(arn).tagKeys("aws:foo")));
        assertValidation("The Tag Key provided is invalid, Key: ",
                () -> dynamo.untagResource(r -> r.resourceArn(arn).tagKeys("")));
        assertValidation("The Tag Value provided is invalid, Value: bad#char",
                () -> dynamo.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("k").value("bad#char").build())));
        assertEquals(Map.of(), tags(arn));
        Tables.delete(table);
    }

    @Test
    void aTagResourceForAMissingTableNamesItsArn() {
        String arn = "arn:aws:dynamodb:" + Clients.region().id() + ":" + accountOfThisEndpoint() + ":table/no-such-table-tags";
        assertError("ResourceNotFoundException", "Requested resource not found: ResourceArn: " + arn + " not found",
                () -> dynamo.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("k").value("v").build())));
    }

    @Test
    void aKeySentTwiceFailsTheWholeRequest() {
        String table = Tables.create("tags-dup", ScalarAttributeType.S, null);
        String arn = dynamo.describeTable(r -> r.tableName(table)).table().tableArn();
        assertValidation("Duplicate Tag Keys provided as input: Duplicate Tag Key found dup",
                () -> dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("good", "1"), tag("dup", "a"), tag("dup", "b"))));
        assertEquals(Map.of(), tags(arn));
        Tables.delete(table);
    }

    @Test
    void aCreateTableWithAKeySentTwiceCreatesNothing() {
        String name = Tables.uniqueName("tags-dup-create");
        assertValidation("Duplicate Tag Keys provided as input: Duplicate Tag Key found dup",
                () -> dynamo.createTable(r -> r.tableName(name)
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .tags(tag("dup", "a"), tag("dup", "b"))));
        assertError("ResourceNotFoundException", null, () -> dynamo.describeTable(r -> r.tableName(name)));
    }

    @Test
    void untaggingMoreThanFiftyKeysIsOverTheTagLimit() {
        String table = Tables.create("tags-untag51", ScalarAttributeType.S, null);
        String arn = dynamo.describeTable(r -> r.tableName(table)).table().tableArn();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 51; i++) keys.add("k" + i);
        assertValidation("Number of Tags exceed the current limit for the provided ResourceArn",
                () -> dynamo.untagResource(r -> r.resourceArn(arn).tagKeys(keys)));
        Tables.delete(table);
    }

    @Test
    void aTagSetOverTenKilobytesIsRefusedAlsoWhenMergedWithTheTagsPresent() {
        String table = Tables.create("tags-size", ScalarAttributeType.S, null, b -> b.tags(bigTags(0, 20)));
        String arn = dynamo.describeTable(r -> r.tableName(table)).table().tableArn();
        // Each tag is a 124-character key and a 256-character value: 380 bytes.
        assertValidation("Tag set size 11400 bytes is above max size limit of 10240 bytes",
                () -> dynamo.tagResource(r -> r.resourceArn(arn).tags(bigTags(100, 30))));
        assertValidation("Tag set size 10260 bytes is above max size limit of 10240 bytes",
                () -> dynamo.tagResource(r -> r.resourceArn(arn).tags(bigTags(20, 7))));
        assertEquals(20, tags(arn).size());
        Tables.delete(table);
    }

    @Test
    void onlyTablesAndStreamsOfDynamoDbAreTaggable() {
        String table = Tables.create("tags-kinds", ScalarAttributeType.S, null);
        String arn = dynamo.describeTable(r -> r.tableName(table)).table().tableArn();
        String index = arn + "/index/by-other";
        assertValidation("One or more parameter values were invalid: Invalid resource arn provided, only table or "
                + "stream is accepted. Provided resource arn: " + index,
                () -> dynamo.listTagsOfResource(r -> r.resourceArn(index)));
        assertValidation("One or more parameter values were invalid: Invalid resource arn provided, only table or "
                + "stream is accepted. Provided resource arn: " + index,
                () -> dynamo.tagResource(r -> r.resourceArn(index).tags(tag("k", "v"))));
        String bucket = "arn:aws:s3:::eddy-tags-bucket";
        assertValidation("One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: "
                + bucket, () -> dynamo.listTagsOfResource(r -> r.resourceArn(bucket)));
        String backup = arn + "/backup/01760000000000-0a1b2c3d";
        assertValidation("One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: "
                + backup, () -> dynamo.tagResource(r -> r.resourceArn(backup).tags(tag("k", "v"))));
        Tables.delete(table);
    }

    @Test
    void aTablesLatestStreamHasTagsOfItsOwn() {
        String table = Tables.create("tags-stream", ScalarAttributeType.S, null, b -> b
                .tags(tag("team", "zombies"))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        var description = dynamo.describeTable(r -> r.tableName(table)).table();
        String arn = description.tableArn();
        String stream = description.latestStreamArn();
        assertEquals(Map.of(), tags(stream));
        dynamo.tagResource(r -> r.resourceArn(stream).tags(tag("kind", "changes")));
        assertEquals(Map.of("kind", "changes"), tags(stream));
        assertEquals(Map.of("team", "zombies"), tags(arn));
        dynamo.untagResource(r -> r.resourceArn(stream).tagKeys("kind"));
        assertEquals(Map.of(), tags(stream));
        assertEquals(Map.of("team", "zombies"), tags(arn));
        Tables.delete(table);
    }

    @Test
    void aStreamArnThatIsNotTheTablesLatestIsNotFound() {
        String table = Tables.create("tags-nostream", ScalarAttributeType.S, null);
        String stream = dynamo.describeTable(r -> r.tableName(table)).table().tableArn() + "/stream/2020-01-01T00:00:00.000";
        assertError("ResourceNotFoundException", "Requested resource not found: ResourceArn: " + stream + " not found",
                () -> dynamo.listTagsOfResource(r -> r.resourceArn(stream)));
        assertError("ResourceNotFoundException", "Requested resource not found: ResourceArn: " + stream + " not found",
                () -> dynamo.tagResource(r -> r.resourceArn(stream).tags(tag("k", "v"))));
        Tables.delete(table);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    /** {@code count} tags of a 124-character key (numbered from {@code first}) and a 256-character value. */
    private static List<Tag> bigTags(int first, int count) {
        List<Tag> tags = new ArrayList<>();
        for (int i = first; i < first + count; i++) tags.add(tag(String.format("%03d", i) + "k".repeat(121), "v".repeat(256)));
        return tags;
    }

    private String accountOfThisEndpoint() {
        String table = Tables.create("tags-acct", ScalarAttributeType.S, null);
        String account = dynamo.describeTable(r -> r.tableName(table)).table().tableArn().split(":")[4];
        Tables.delete(table);
        return account;
    }
}
