using BenchmarkDotNet.Attributes;
using Baclofen.Bot.Host;
using Baclofen.Bot.Protocol.Adapter;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Baclofen.Bot.Benchmarks.InProcess;

/// <summary>
/// One whole turn as the host runs it, minus HTTP: the host's own services (BotApp.Build, never
/// started), CloudAdapter.ProcessActivityAsync with deliveryMode expectReplies, the real FaqBot
/// with its conversation state, replies out.
/// </summary>
[MemoryDiagnoser]
public class TurnBenchmarks
{
    private const int Conversations = 256;
    private WebApplication _app = null!;
    private CloudAdapter _adapter = null!;
    private IBot _bot = null!;
    private int _next;

    [Params("question", "emergency", "smalltalk")]
    public string Kind { get; set; } = "question";

    [GlobalSetup]
    public void Setup()
    {
        _app = BuildBot();
        _adapter = _app.Services.GetRequiredService<CloudAdapter>();
        _bot = _app.Services.GetRequiredService<IBot>();
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _app.DisposeAsync();

    [Benchmark]
    public async Task<int> Turn()
    {
        // A few hundred conversations in rotation, so state is read and written as in real traffic.
        var conversation = "bench-" + (_next++ % Conversations);
        var replies = await _adapter.ProcessActivityAsync(Incoming(conversation, Messages.For(Kind)), _bot);
        return replies!.Activities.Count;
    }

    /// <summary>The host's app over the repository's faq/, never started.</summary>
    internal static WebApplication BuildBot() =>
        BotApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Faq:Path=" + RepositoryPaths.Faq, "--Faq:ReloadOnChange=false"]);

    internal static Activity Incoming(string conversation, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "emulator",
        ServiceUrl = "http://127.0.0.1:1/",
        DeliveryMode = DeliveryModes.ExpectReplies,
        Conversation = new ConversationAccount { Id = conversation },
        From = new ChannelAccount { Id = "user-" + conversation, Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "bot", Role = RoleTypes.Bot },
        Text = text,
    };
}
