using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.Tests.Support;

namespace Baclofen.Bot.Protocol.Tests;

public class MiddlewareSetTests
{
    private sealed class Recording(string name, List<string> log, bool callNext = true) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            log.Add($"{name} in");
            if (callNext)
            {
                await next(cancellationToken);
            }

            log.Add($"{name} out");
        }
    }

    private static TurnContext Context() =>
        new(Fixtures.Activity("emulator-message-personal.json"), (a, _) => Task.FromResult(new ResourceResponse[a.Count]));

    [Fact]
    public async Task Middleware_wraps_the_bot_in_registration_order()
    {
        var log = new List<string>();
        var set = new MiddlewareSet([new Recording("a", log), new Recording("b", log)]);

        await set.RunAsync(Context(), (_, _) => { log.Add("bot"); return Task.CompletedTask; }, default);

        Assert.Equal(["a in", "b in", "bot", "b out", "a out"], log);
    }

    [Fact]
    public async Task Middleware_that_does_not_call_next_keeps_the_turn_from_the_bot()
    {
        var log = new List<string>();
        var set = new MiddlewareSet([new Recording("gate", log, callNext: false)]);

        await set.RunAsync(Context(), (_, _) => { log.Add("bot"); return Task.CompletedTask; }, default);

        Assert.DoesNotContain("bot", log);
    }
}
