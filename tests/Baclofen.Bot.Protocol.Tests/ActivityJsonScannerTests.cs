using System.Text;
using System.Text.Json.Nodes;
using Baclofen.Bot.Protocol.Adapter;
using Baclofen.Bot.Protocol.Tests.Support;

namespace Baclofen.Bot.Protocol.Tests;

/// <summary>The shape limits an activity is checked against before it is deserialised.</summary>
public sealed class ActivityJsonScannerTests
{
    private static readonly ActivityLimits Limits = new();

    private static ProtocolError? Check(string json, ActivityLimits? limits = null) =>
        ActivityJsonScanner.Check(Encoding.UTF8.GetBytes(json), limits ?? Limits);

    private static JsonObject Message() => Fixtures.Json("msteams-message-personal.json");

    private static JsonArray Items(int count, Func<int, JsonNode> item) => new(Enumerable.Range(0, count).Select(item).ToArray());

    [Theory]
    [MemberData(nameof(Fixtures.ActivityFileNames), MemberType = typeof(Fixtures))]
    public void Every_captured_activity_is_within_the_limits(string name)
    {
        Assert.Null(Check(Fixtures.Text(name)));
    }

    [Theory]
    [InlineData("attachments")]
    [InlineData("entities")]
    [InlineData("membersAdded")]
    [InlineData("membersRemoved")]
    public void A_list_longer_than_the_limit_is_400(string member)
    {
        var atLimit = Message();
        atLimit[member] = Items(Limits.MaxListItems, i => new JsonObject { ["id"] = i });
        var over = Message();
        over[member] = Items(Limits.MaxListItems + 1, i => new JsonObject { ["id"] = i });

        Assert.Null(Check(atLimit.ToJsonString()));
        var error = Check(over.ToJsonString());
        Assert.NotNull(error);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("BadArgument", error.Code);
        Assert.Contains("items in one list", error.Message);
    }

    [Fact]
    public void The_issues_flood_of_tiny_attachments_is_400_long_before_it_is_read()
    {
        // ~230 KB: a plain message with ~24,000 tiny objects in attachments.
        var body = Message();
        body["attachments"] = Items(24_000, _ => new JsonObject());

        var error = Check(body.ToJsonString());

        Assert.Equal(400, error?.StatusCode);
    }

    [Fact]
    public void A_nested_list_counts_its_own_items_suggested_actions_included()
    {
        var over = Message();
        over["suggestedActions"] = new JsonObject { ["actions"] = Items(Limits.MaxListItems + 1, i => new JsonObject { ["type"] = "imBack", ["value"] = "x" }) };

        Assert.Equal(400, Check(over.ToJsonString())?.StatusCode);
    }

    [Fact]
    public void An_object_with_more_members_than_the_limit_is_400()
    {
        var channelData = new JsonObject();
        for (var i = 0; i <= Limits.MaxListItems; i++)
        {
            channelData["m" + i] = 1;
        }

        var over = Message();
        over["channelData"] = channelData;

        Assert.Equal(400, Check(over.ToJsonString())?.StatusCode);
    }

    [Theory]
    [InlineData("from", "name")]
    [InlineData("conversation", "id")]
    [InlineData("channelData", "anything")]
    public void A_long_string_outside_text_is_400(string parent, string member)
    {
        var ok = Message();
        ok[parent] = new JsonObject { [member] = new string('a', Limits.MaxStringBytes) };
        var over = Message();
        over[parent] = new JsonObject { [member] = new string('a', Limits.MaxStringBytes + 1) };

        Assert.Null(Check(ok.ToJsonString()));
        var error = Check(over.ToJsonString());
        Assert.Equal(400, error?.StatusCode);
        Assert.Contains("string longer than", error!.Message);
    }

    [Fact]
    public void A_long_member_name_is_400()
    {
        var over = Message();
        over["channelData"] = new JsonObject { [new string('k', Limits.MaxStringBytes + 1)] = 1 };

        Assert.Equal(400, Check(over.ToJsonString())?.StatusCode);
    }

    [Fact]
    public void What_a_person_typed_and_attachment_content_are_bounded_only_by_the_body_size()
    {
        var long1 = new string('a', 100 * 1024);
        var body = Message();
        body["text"] = long1;
        body["speak"] = long1;
        body["value"] = new JsonObject { ["comment"] = long1 };
        body["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "text/html", ["content"] = long1 });

        Assert.Null(Check(body.ToJsonString()));
    }

    [Fact]
    public void A_member_called_text_below_the_top_level_is_not_exempt()
    {
        var body = Message();
        body["channelData"] = new JsonObject { ["text"] = new string('a', Limits.MaxStringBytes + 1) };

        Assert.Equal(400, Check(body.ToJsonString())?.StatusCode);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_400()
    {
        // The root object is level 1, channelData level 2: the rest fills the limit exactly, then one more.
        static string Nested(int levels) => string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" + new string('}', levels);
        var json = Message().ToJsonString();
        var atLimit = json[..^1] + ",\"channelData\":" + Nested(Limits.MaxDepth - 1) + "}";
        var over = json[..^1] + ",\"channelData\":" + Nested(Limits.MaxDepth) + "}";

        Assert.Null(Check(atLimit));
        var error = Check(over);
        Assert.Equal(400, error?.StatusCode);
        Assert.Contains("nested more than", error!.Message);
    }

    [Fact]
    public void Nesting_far_deeper_than_the_reader_allows_is_still_our_400()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 5000)) + new string(']', 5000);

        var error = Check("{\"channelData\":" + deep + "}");

        Assert.Equal(400, error?.StatusCode);
        Assert.Equal("BadArgument", error!.Code);
    }

    [Fact]
    public void More_tokens_than_the_limit_is_413()
    {
        var limits = new ActivityLimits { MaxTokens = 500 };
        var body = Message();
        body["entities"] = Items(100, i => new JsonObject { ["type"] = "x", ["n"] = i });

        var error = Check(body.ToJsonString(), limits);

        Assert.Equal(413, error?.StatusCode);
        Assert.Null(Check(Message().ToJsonString(), limits));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("{\"type\":")]
    [InlineData("{\"type\":\"message\"} {}")]
    [InlineData("{\"type\":\"message\",}")]
    public void Anything_but_one_well_formed_object_is_400_BadSyntax(string json)
    {
        var error = Check(json);

        Assert.Equal(400, error?.StatusCode);
        Assert.Equal("BadSyntax", error!.Code);
    }

    [Fact]
    public void Limits_are_configurable()
    {
        var body = new JsonObject { ["type"] = "message", ["entities"] = Items(3, i => new JsonObject { ["type"] = "x" }) };

        Assert.Null(Check(body.ToJsonString(), new ActivityLimits { MaxListItems = 3 }));
        Assert.Equal(400, Check(body.ToJsonString(), new ActivityLimits { MaxListItems = 2 })?.StatusCode);
    }
}
