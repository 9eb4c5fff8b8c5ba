using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Baclofen.Bot.Host.Tests.Support;
using Baclofen.Bot.Protocol.Connector;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;

namespace Baclofen.Bot.Host.Tests;

/// <summary>
/// Random and mutated activities and JSON thrown at /api/messages over real loopback HTTP. Whatever
/// arrives, the answer is below 500 and the next valid request is still answered.
/// </summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private const int Cases = 300;

    private TestChannelServer _channel = null!;
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _channel = await TestChannelServer.StartAsync();
        _bot = await RunningBot.StartAsync(
            ["--RateLimiting:Enabled=false", "--Bot:TypingDelayMs=600000", "--Logging:LogLevel:Default=Warning"],
            services => services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new LoopbackOnlyHandler()));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _channel.DisposeAsync();
    }

    [Fact]
    public void Random_and_mutated_requests_never_get_a_5xx_and_never_stop_the_bot()
    {
        var body = Gen.OneOf(RandomJson(4).Select(n => n?.ToJsonString() ?? "null"), MutatedActivity(), RawText());
        var property = Prop.ForAll(body.ToArbitrary(), PostThenCheckStillAnswered);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);
    }

    private bool PostThenCheckStillAnswered(string body)
    {
        // FsCheck runs properties synchronously; the server is on other threads, so blocking here is safe.
        return Task.Run(async () =>
        {
            using (var response = await _bot.Http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json")))
            {
                if ((int)response.StatusCode >= 500)
                {
                    return false;
                }
            }

            using var next = await _bot.PostActivityAsync(Fixtures.ExpectRepliesQuestion());
            return next.StatusCode == HttpStatusCode.OK;
        }).GetAwaiter().GetResult();
    }

    private Gen<string> MutatedActivity()
    {
        var fixtures = new[] { "emulator-message-personal.json", "emulator-conversationUpdate-personal.json", "msteams-message-channel-mention.json", "emulator-expectReplies-message.json" };
        return from name in Gen.Elements(fixtures)
               from mutations in Gen.ListOf(Mutation()).Resize(4)
               select Apply(name, mutations);
    }

    private string Apply(string fixture, IEnumerable<Func<JsonObject, string?>> mutations)
    {
        var activity = Fixtures.Activity(fixture, _channel.ServiceUrl);
        string? raw = null;
        foreach (var mutate in mutations)
        {
            raw = mutate(activity) ?? raw;
        }

        return raw ?? activity.ToJsonString();
    }

    /// <summary>Each mutation edits the activity, or returns a raw body that replaces it (truncation, depth).</summary>
    private static Gen<Func<JsonObject, string?>> Mutation()
    {
        var keys = Gen.Elements("type", "text", "conversation", "from", "recipient", "channelData", "entities", "attachments",
            "serviceUrl", "replyToId", "deliveryMode", "channelId", "id", "timestamp", "membersAdded", "locale", "value", "textFormat");
        var remove = keys.Select<string, Func<JsonObject, string?>>(k => a => { a.Remove(k); return null; });
        var replace = from k in keys
                      from v in RandomJson(3)
                      select (Func<JsonObject, string?>)(a => { a[k] = v; return null; });
        var truncate = Gen.Choose(0, 2000).Select<int, Func<JsonObject, string?>>(n => a =>
        {
            var text = a.ToJsonString();
            return text[..Math.Min(n, text.Length)];
        });
        var deep = Gen.Choose(50, 300).Select<int, Func<JsonObject, string?>>(depth => a =>
        {
            var text = a.ToJsonString();
            return text[..^1] + ",\"channelData\":" + string.Concat(Enumerable.Repeat("[", depth)) + new string(']', depth) + "}";
        });
        var hugeText = Gen.Choose(1, 200).Select<int, Func<JsonObject, string?>>(kb => a => { a["text"] = new string('z', kb * 1024); return null; });
        return Gen.OneOf(remove, replace, replace, truncate, deep, hugeText);
    }

    private static Gen<JsonNode?> RandomJson(int depth)
    {
        var leaf = Gen.OneOf(
            Gen.Constant<JsonNode?>(null),
            ArbMap.Default.GeneratorFor<bool>().Select(b => (JsonNode?)JsonValue.Create(b)),
            ArbMap.Default.GeneratorFor<int>().Select(i => (JsonNode?)JsonValue.Create(i)),
            ArbMap.Default.GeneratorFor<double>().Where(d => double.IsFinite(d)).Select(d => (JsonNode?)JsonValue.Create(d)),
            SafeString().Select(s => (JsonNode?)JsonValue.Create(s)));
        if (depth == 0)
        {
            return leaf;
        }

        var array = Gen.ListOf(RandomJson(depth - 1)).Resize(4).Select(items => (JsonNode?)new JsonArray([.. items]));
        var obj = Gen.ListOf(from k in SafeString() from v in RandomJson(depth - 1) select (k, v)).Resize(4).Select(pairs =>
        {
            var o = new JsonObject();
            foreach (var (k, v) in pairs)
            {
                o[k] = v;
            }

            return (JsonNode?)o;
        });
        return Gen.OneOf(leaf, leaf, array, obj);
    }

    /// <summary>Arbitrary unicode, but never a ':' so no generated string is an absolute URL.</summary>
    private static Gen<string> SafeString() =>
        ArbMap.Default.GeneratorFor<string>().Select(s => (s ?? "").Replace(':', '_'));

    private static Gen<string> RawText() =>
        Gen.OneOf(
            SafeString(),
            Gen.Elements("", "{", "}", "[", "{\"type\":", "\"message\"", "1e999999", "{\"type\":\"message\",\"type\":1}", "\uFEFF{}", "{\"a\":\"\\ud800\"}"));
}
