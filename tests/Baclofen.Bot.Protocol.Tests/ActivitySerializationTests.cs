using System.Text.Json;
using System.Text.Json.Nodes;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.Tests.Support;

namespace Baclofen.Bot.Protocol.Tests;

public class ActivitySerializationTests
{
    [Theory]
    [MemberData(nameof(Fixtures.ActivityFileNames), MemberType = typeof(Fixtures))]
    public void Captured_activity_survives_a_read_write_round_trip_including_unknown_fields(string fixture)
    {
        var original = Fixtures.Json(fixture);

        var activity = Fixtures.Activity(fixture);
        var written = JsonSerializer.SerializeToNode(activity, ProtocolJson.Options)!.AsObject();

        AssertSameJson(original, written, "$");
    }

    [Fact]
    public void Unknown_members_land_in_the_extension_bags_and_are_written_back()
    {
        const string json = """
            {"type":"message","futureField":{"a":[1,2]},"from":{"id":"u","nickname":"x"},
             "conversation":{"id":"c","teamSpace":true},"entities":[{"type":"mention","mentioned":{"id":"b"}}]}
            """;

        var activity = JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options)!;

        Assert.True(activity.Properties!.ContainsKey("futureField"));
        Assert.Equal("x", activity.From!.Properties!["nickname"].GetString());
        Assert.True(activity.Conversation!.Properties!["teamSpace"].GetBoolean());
        Assert.Equal("b", activity.Entities![0].Properties!["mentioned"].GetProperty("id").GetString());
        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJson.Options))!;
        Assert.Equal(2, written["futureField"]!["a"]![1]!.GetValue<int>());
    }

    [Fact]
    public void Absent_members_are_not_written_as_null()
    {
        var json = JsonSerializer.Serialize(new Activity { Type = ActivityTypes.Message, Text = "hi" }, ProtocolJson.Options);

        Assert.Equal("""{"type":"message","text":"hi"}""", json);
    }

    // Timestamps are compared as instants: "…Z" and "…+00:00" are the same ISO 8601 time.
    private static void AssertSameJson(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual);
                Assert.True(
                    expectedObject.Select(p => p.Key).Order().SequenceEqual(actualObject.Select(p => p.Key).Order()),
                    $"{path}: members differ: [{string.Join(",", expectedObject.Select(p => p.Key))}] vs [{string.Join(",", actualObject.Select(p => p.Key))}]");
                foreach (var (key, value) in expectedObject)
                {
                    AssertSameJson(value, actualObject[key], $"{path}.{key}");
                }

                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual);
                Assert.Equal(expectedArray.Count, actualArray.Count);
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AssertSameJson(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            case JsonValue expectedValue when expectedValue.GetValueKind() == JsonValueKind.String
                && DateTimeOffset.TryParse(expectedValue.GetValue<string>(), out var expectedTime)
                && path.EndsWith("imestamp", StringComparison.Ordinal):
                Assert.True(DateTimeOffset.TryParse(actual?.GetValue<string>(), out var actualTime), $"{path}: not a time");
                Assert.Equal(expectedTime, actualTime);
                Assert.Equal(expectedTime.Offset, actualTime.Offset);
                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: {expected?.ToJsonString()} != {actual?.ToJsonString()}");
                break;
        }
    }
}
