using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Benchmarks.Load;

/// <summary>
/// The ceiling: the least any bot on this machine must do for an expectReplies request. It parses
/// the activity with the same JSON options as the bot and returns one fixed reply, nothing else.
/// </summary>
internal static class CeilingApp
{
    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/messages", async (HttpContext http) =>
        {
            var incoming = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, ProtocolJson.Options, http.RequestAborted);
            if (incoming?.Type is null)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var replies = new ExpectedReplies { Activities = [incoming.CreateReply("A fixed reply.")] };
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, replies, ProtocolJson.Options, http.RequestAborted);
        });
        app.MapGet("/healthz", () => Results.Json(new { status = "ok" }));
        await app.RunAsync();
    }
}
