package dev.eddy.conformance;

import static dev.eddy.conformance.Errors.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
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
    void aTableArnThatNamesNoTableIsNotFound() {
        String arn = "arn:aws:dynamodb:" + Clients.region().id() + ":000000000000:table/no-such-table-tags";
        var e = assertError("ResourceNotFoundException", null, () -> dynamo.listTagsOfResource(r -> r.resourceArn(arn)));
        assertTrue(e.awsErrorDetails().errorMessage().contains(arn), e.awsErrorDetails().errorMessage());
    }
}
