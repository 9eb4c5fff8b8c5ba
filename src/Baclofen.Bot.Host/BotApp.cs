using Baclofen.Bot.Host.DirectLine;
using Baclofen.Bot.Host.Widget;
using Baclofen.Bot.Protocol;
using Baclofen.Bot.Protocol.Adapter;
using Baclofen.Bot.Protocol.Builder;

namespace Baclofen.Bot.Host;

/// <summary>
/// Builds the bot's web app. Program.cs runs it; tests build the same app on 127.0.0.1:0
/// (pass <c>--urls</c>) and swap services through <paramref name="configure"/>.
/// </summary>
public static class BotApp
{
    /// <summary>The port Bot Framework tooling (Emulator, Agents Playground) assumes for a local bot.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    /// <param name="args">Command-line arguments, configuration included.</param>
    /// <param name="configure">Replaces services (tests).</param>
    /// <param name="beforeWarmUp">Runs on the built app before the FAQ is loaded and indexed: Program.cs
    /// caps the GC heap there, so the largest start-up allocation already runs under the configured cap.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configure = null, Action<WebApplication>? beforeWarmUp = null)
    {
        // The repository's appsettings.json is linked into the output folder; reading it from
        // there makes `dotnet run --project ...` and a published folder see the same settings
        // whatever the working directory.
        // The slim builder keeps what a deployment relies on (appsettings.json, environment and
        // command-line configuration, console logging, AllowedHosts, ASPNETCORE_FORWARDEDHEADERS_ENABLED)
        // and leaves out what a bot on Linux never uses: IIS integration, HTTP/3, the EventLog, Debug
        // and EventSource loggers, regex route constraints. Measured with the load benchmark: 3-6% more
        // turns per second and a few MB less at idle. HTTPS endpoints (Kestrel:Endpoints with a
        // certificate, https:// URLs) are put back for a clinic that terminates TLS at the bot.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelHttpsConfiguration();

        if (!HasExplicitAddress(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        ServerLimits.Apply(builder);
        builder.Services.AddBotProtocol(builder.Configuration);
        builder.Services.AddBotRateLimiting(builder.Configuration);
        builder.Services.AddBotConcurrency(builder.Configuration);
        builder.Services.AddFaqBot(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddDirectLine(builder.Configuration);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        AnonymousMode.WarnIfOpenToTheNetwork(app);
        beforeWarmUp?.Invoke(app);
        app.Services.WarmUpFaqBot();
        MapEndpoints(app);
        return app;
    }

    /// <summary>The application's address after <c>StartAsync</c> (useful with port 0).</summary>
    public static Uri GetAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var first = app.Urls.FirstOrDefault()
            ?? throw new InvalidOperationException("The app has no address yet; call StartAsync first.");
        return new Uri(first);
    }

    private static void MapEndpoints(WebApplication app)
    {
        // Order matters: the token is validated before the rate limiter so only a valid one earns the
        // connector's bucket; the per-client limits refuse a flooding client before it takes one of the
        // shared concurrency slots.
        app.UseRouting();
        app.UseBotTokenValidation();
        app.UseRateLimiter();
        app.UseBotConcurrency();

        // The adapter authenticates each activity itself (Bot Framework tokens are bound to the
        // activity's channelId and serviceUrl), so there is no ASP.NET Core authentication here.
        app.MapPost("/api/messages", (HttpContext http, CloudAdapter adapter, IBot bot) =>
                adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted))
            .RequireRateLimiting(BotRateLimiting.MessagesPolicy)
            .RequireConcurrencyLimit(BotConcurrency.Turns);

        app.MapBotHealth();

        // The website widget: self-hosted Direct Line, its token endpoint, widget.js and the demo page at "/".
        app.MapDirectLine(BotRateLimiting.PublicPolicy);
        app.MapWidget(BotRateLimiting.PublicPolicy);
    }

    // --urls, ASPNETCORE_URLS / DOTNET_URLS / URLS, *_HTTP_PORTS and Kestrel endpoints all
    // land in configuration; only when none is given does the Bot Framework default apply.
    private static bool HasExplicitAddress(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
}
