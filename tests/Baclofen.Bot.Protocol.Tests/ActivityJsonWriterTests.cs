using System.Buffers;
using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.Tests.Support;

namespace Baclofen.Bot.Protocol.Tests;

/// <summary>
/// The hand-written activity writer must produce the serializer's bytes exactly: the serializer
/// with <see cref="ProtocolJson.Options"/> is the reference, the writer only the fast path.
/// </summary>
public class ActivityJsonWriterTests
{
    [Theory]
    [MemberData(nameof(Fixtures.ActivityFileNames), MemberType = typeof(Fixtures))]
    public void Captured_activity_is_written_as_the_serializer_writes_it(string fixture)
    {
        var activity = Fixtures.Activity(fixture);

        Assert.Equal(Serialized(activity), Written(activity));
    }

    [Fact]
    public void Generated_activities_with_every_member_are_written_as_the_serializer_writes_them()
    {
        for (var seed = 0; seed < 1500; seed++)
        {
            var activity = new ActivityGenerator(seed).Activity();

            var expected = Serialized(activity);
            var actual = Written(activity);

            Assert.True(expected == actual, $"seed {seed}:\nserializer: {expected}\nwriter:     {actual}");
        }
    }

    [Fact]
    public void The_expectReplies_body_is_written_as_the_serializer_writes_it()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var generator = new ActivityGenerator(seed);
            var replies = new ExpectedReplies { Activities = [.. Enumerable.Range(0, seed % 4).Select(_ => generator.Activity())] };

            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, ProtocolJson.WriterOptions))
            {
                ActivityJsonWriter.Write(writer, replies);
            }

            Assert.Equal(JsonSerializer.Serialize(replies, ProtocolJson.Options), Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }

    [Fact]
    public void The_generator_reaches_every_member_of_every_schema_type()
    {
        // Guards the test above: a member the generator never sets is a member nobody compared.
        var reached = new HashSet<PropertyInfo>();
        for (var seed = 0; seed < 300; seed++)
        {
            new ActivityGenerator(seed, reached).Activity();
        }

        var all = ActivityGenerator.SchemaTypes.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)).ToList();
        Assert.Empty(all.Where(p => !reached.Contains(p)).Select(p => $"{p.DeclaringType!.Name}.{p.Name}"));
        Assert.True(all.Count > 60, $"only {all.Count} members found: is the schema list right?");
    }

    [Fact]
    public void Text_that_needs_escaping_is_escaped_as_the_serializer_escapes_it()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "Don't \"stop\" <b>suddenly</b> & call 911\n\t\u0001 é 👍",
            ChannelData = new JsonObject { ["faqBot"] = new JsonObject { ["score"] = 0.993, ["kind"] = "answer" } },
        };

        var written = Written(activity);

        Assert.Equal(Serialized(activity), written);
        Assert.Contains("\\u0027", written, StringComparison.Ordinal);
        Assert.Equal(activity.Text, JsonSerializer.Deserialize<Activity>(written, ProtocolJson.Options)!.Text);
    }

    [Fact]
    public void Long_texts_are_written_as_the_serializer_writes_them_on_every_write_and_after_their_slot_is_taken()
    {
        // Equal content in different instances, the same instance again, and more long texts than
        // the cache has slots, so entries are replaced while others are written.
        var texts = Enumerable.Range(0, 200).Select(i => $"{ActivityGenerator.LongAnswer} #{i % 70}").ToList();
        for (var round = 0; round < 3; round++)
        {
            foreach (var text in texts)
            {
                var activity = new Activity { Type = ActivityTypes.Message, Text = text };
                Assert.Equal(Serialized(activity), Written(activity));
            }
        }
    }

    [Fact]
    public void A_writer_with_its_own_escaping_gets_its_own_escaping_for_long_texts_too()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = ActivityGenerator.LongAnswer };
        Written(activity); // the default encoding is now cached for this instance
        var relaxed = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, relaxed))
        {
            ActivityJsonWriter.Write(writer, activity);
        }

        var expected = JsonSerializer.Serialize(activity, new JsonSerializerOptions(ProtocolJson.Options) { Encoder = relaxed.Encoder });
        Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Contains("Don't", expected, StringComparison.Ordinal);
    }

    private static string Serialized(Activity activity) => JsonSerializer.Serialize(activity, ProtocolJson.Options);

    private static string Written(Activity activity) => Encoding.UTF8.GetString(ActivityJsonWriter.ToUtf8Bytes(activity));

    /// <summary>
    /// Fills every public member of the schema types by reflection, each one present or absent at
    /// random, with values chosen to stress escaping, nesting, nulls inside lists and unknown members.
    /// A member of a type it does not know fails loudly, so a new kind of member gets a generator.
    /// </summary>
    private sealed class ActivityGenerator(int seed, HashSet<PropertyInfo>? reached = null)
    {
        public static readonly Type[] SchemaTypes =
        [
            typeof(Activity), typeof(ChannelAccount), typeof(ConversationAccount), typeof(ConversationReference),
            typeof(MessageReaction), typeof(SuggestedActions), typeof(CardAction), typeof(Attachment),
            typeof(Entity), typeof(TextHighlight),
        ];

        private static readonly string[] Strings =
        [
            "", "message", "a plain sentence", "Don't stop \"suddenly\"", "<script>&amp;</script>", "line\nbreak\ttab\u0001",
            "é ü ñ 中文", "👍 This helped", "back\\slash/", "+1 (555) 010-9999", new string('x', 300),
            LongAnswer, LongAnswer + " ", string.Concat(Enumerable.Repeat("Don't \"stop\" <now> é 👍\n", 12)),
        ];

        // As long as an FAQ answer, with what forces escaping: the writer caches long texts' encoding.
        public const string LongAnswer = "Don't stop taking baclofen suddenly: stopping it \"cold turkey\" can cause " +
            "withdrawal, including hallucinations and seizures. Talk to your prescriber first; they'll lower the dose " +
            "slowly. <b>Please note:</b> this is general information & not medical advice. \u00e9\u4e2d 👍\n\n_Source: FAQ_";

        private readonly Random _random = new(seed);
        private int _depth;

        public Activity Activity() => (Activity)Fill(typeof(Activity));

        private object Fill(Type type)
        {
            var instance = Activator.CreateInstance(type)!;
            _depth++;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (_random.NextDouble() < 0.35)
                {
                    // Absent: null, or the type's own default (CardAction.Type, SuggestedActions.Actions).
                    if (_random.Next(2) == 0 && !property.PropertyType.IsValueType)
                    {
                        property.SetValue(instance, null);
                    }

                    continue;
                }

                property.SetValue(instance, Value(property));
                reached?.Add(property);
            }

            _depth--;
            return instance;
        }

        private object? Value(PropertyInfo property)
        {
            var type = property.PropertyType;
            if (property.Name == "Properties" && type == typeof(Dictionary<string, JsonElement>))
            {
                return Extensions();
            }

            return Value(type);
        }

        private object? Value(Type type)
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (underlying == typeof(string))
            {
                return Pick(Strings);
            }

            if (underlying == typeof(bool))
            {
                return _random.Next(2) == 0;
            }

            if (underlying == typeof(int))
            {
                return Pick([0, 1, 2, -1, int.MaxValue, _random.Next()]);
            }

            if (underlying == typeof(DateTimeOffset))
            {
                var offset = TimeSpan.FromMinutes(_random.Next(-12, 14) * 60 + (_random.Next(2) * 30));
                return new DateTimeOffset(2026, 1 + _random.Next(12), 1 + _random.Next(28), _random.Next(24), _random.Next(60), _random.Next(60), offset)
                    .AddTicks(_random.Next(2) == 0 ? 0 : _random.Next(10_000_000));
            }

            if (typeof(JsonNode).IsAssignableFrom(underlying))
            {
                var node = Node(allowScalar: underlying == typeof(JsonNode));
                return underlying.IsInstanceOfType(node) ? node : new JsonObject { ["x"] = node };
            }

            if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>))
            {
                var item = underlying.GetGenericArguments()[0];
                var list = (IList)Activator.CreateInstance(underlying)!;
                var count = _random.Next(4);
                for (var i = 0; i < count; i++)
                {
                    list.Add(_random.NextDouble() < 0.1 ? null : Value(item));
                }

                return list;
            }

            if (SchemaTypes.Contains(underlying))
            {
                return _depth > 3 ? null : Fill(underlying);
            }

            throw new NotSupportedException($"The generator does not know how to make a {type}: teach it, then check the writer writes it.");
        }

        private JsonNode? Node(bool allowScalar)
        {
            switch (_random.Next(allowScalar ? 7 : 3))
            {
                case 0:
                    var obj = new JsonObject();
                    for (var i = _random.Next(4); i > 0; i--)
                    {
                        obj[Pick(Strings) + i] = _depth > 4 ? JsonValue.Create(i) : Node(allowScalar: true);
                    }

                    return obj;
                case 1:
                    return new JsonObject { ["faqBot"] = new JsonObject { ["kind"] = "answer", ["score"] = Math.Round(_random.NextDouble(), 3), ["faqId"] = Pick(Strings) } };
                case 2:
                    return new JsonObject { ["list"] = new JsonArray(JsonValue.Create(1), null, JsonValue.Create("two"), new JsonObject()) };
                case 3:
                    return JsonValue.Create(Pick(Strings));
                case 4:
                    return JsonValue.Create(_random.NextDouble() * 1000);
                case 5:
                    return JsonNode.Parse("""{"parsed":[true,false,null,1.5e3,"s\u00e9"]}""");
                default:
                    return JsonValue.Create(_random.Next(2) == 0);
            }
        }

        private Dictionary<string, JsonElement> Extensions()
        {
            var bag = new Dictionary<string, JsonElement>();
            for (var i = _random.Next(4); i > 0; i--)
            {
                var json = Pick(["null", "1", "\"x\"", """{"a":[1,{"b":null}]}""", "[]", "true", "\"Don't <b>\""]);
                bag[Pick(["futureField", "tenant", "x-ms-thing", "text", "élan"]) + i] = JsonDocument.Parse(json).RootElement.Clone();
            }

            return bag;
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
    }
}
