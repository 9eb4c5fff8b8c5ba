using System.Collections.Concurrent;
using Baclofen.Bot.Host.Tests.DirectLine;
using Baclofen.Bot.Knowledge.Faq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Baclofen.Bot.Host.Tests.Widget;

/// <summary>
/// The widget in headless Chromium: the real Web Chat bundle, the self-hosted Direct Line
/// endpoint and the real bot (BotApp with the curated faq/), except where a test needs a
/// deliberately careless bot. Every test also checks that the browser asked nothing of any
/// host but the bot's.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class WidgetBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Launcher = "Chat with Riverside Neurology Clinic about baclofen";
    private const string SendBox = ".webchat__send-box-text-box__input";
    private const float Timeout = 20_000;

    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _console = new();
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartRealAsync();

    private RecordingDirectLineBot Turns => (RecordingDirectLineBot)_app.Bot;

    private FaqCatalog Catalog => _app.Services.GetRequiredService<FaqCatalog>();

    private string EmergencyResponse => _app.Services.GetRequiredService<IConfiguration>()["Safety:EmergencyResponse"]!;

    /// <summary>A phrase from the start of an FAQ answer, as Web Chat shows it (its Markdown turns ' into a curly quote).</summary>
    private string AnswerPhrase(string faqId) => Catalog[faqId].Answer.Split('.')[0].Replace("'", "’", StringComparison.Ordinal);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Patient_asks_questions_taps_a_suggestion_gets_the_emergency_reply_first_and_resumes_after_reload()
    {
        var (context, page) = await OpenAsync(1280, 800);
        await using var _ = context;

        await page.GetByRole(AriaRole.Button, new() { Name = Launcher }).ClickAsync();
        var transcript = page.Locator(".webchat__basic-transcript");
        await Expect(transcript.GetByText("the Baclofen FAQ Bot", new() { Exact = false }));
        await Expect(page.GetByText("Not medical advice. In an emergency call 911."));
        await ScreenshotAsync(page, "01-welcome");

        await SendAsync(page, "does baclofen work immediately?");
        await Expect(transcript.GetByText(AnswerPhrase("onset"), new() { Exact = false }));
        await Expect(transcript.GetByText("not medical advice", new() { Exact = false }));
        await ScreenshotAsync(page, "02-answer-with-disclaimer");

        // Tap the first suggested action: its value goes to the bot as the next message.
        var suggestion = page.Locator(".webchat__suggested-action").First;
        var title = (await suggestion.InnerTextAsync()).Trim();
        var before = Turns.Received.Count;
        await suggestion.ClickAsync();
        await page.WaitForFunctionAsync("n => document.querySelectorAll('.webchat__basic-transcript__activity').length > n", await ActivityCountAsync(page));
        await Eventually(() => Turns.Received.Count > before);
        Assert.Equal(title, Turns.Received[before].Text);

        const string emergency = "I took too many of my baclofen pills and I can't stay awake";
        await SendAsync(page, emergency);
        await Expect(transcript.GetByText(EmergencyResponse[..40], new() { Exact = false }));
        var activities = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.webchat__basic-transcript__activity')].map(e => e.innerText)");
        var asked = Array.FindLastIndex(activities, a => a.Contains("can’t stay awake", StringComparison.Ordinal) || a.Contains("can't stay awake", StringComparison.Ordinal));
        Assert.True(asked >= 0 && asked + 1 < activities.Length, "the question and a reply are in the transcript");
        Assert.Contains(EmergencyResponse[..40], activities[asked + 1]);
        await ScreenshotAsync(page, "03-emergency-first");

        // Reload: the panel reopens on the same conversation, history included, no second welcome.
        var turnsBeforeReload = Turns.Received.Count;
        await page.ReloadAsync();
        transcript = page.Locator(".webchat__basic-transcript");
        await Expect(transcript.GetByText(EmergencyResponse[..40], new() { Exact = false }));
        await Expect(transcript.GetByText(AnswerPhrase("onset"), new() { Exact = false }));
        await SendAsync(page, "can I drink alcohol with baclofen?");
        await Eventually(() => Turns.Received.Count > turnsBeforeReload);
        await Expect(transcript.GetByText(AnswerPhrase("alcohol-interaction"), new() { Exact = false }));
        await ScreenshotAsync(page, "04-resumed-after-reload");

        Assert.Single(Turns.Received, a => a.Type == "conversationUpdate");
        Assert.Single(Turns.Received.Select(a => a.Conversation!.Id).Distinct());
        AssertOnlyTheBotWasContacted();
        AssertNoSecurityPolicyViolations();
    }

    [Fact]
    public async Task Markup_typed_by_a_user_or_sent_by_the_bot_never_runs()
    {
        // A bot that quotes raw input back as Markdown, plus markup of its own.
        await _app.DisposeAsync();
        _app = await TestApp.StartAsync();
        var (context, page) = await OpenAsync(1280, 800);
        await using var _ = context;
        await page.GetByRole(AriaRole.Button, new() { Name = Launcher }).ClickAsync();
        await Expect(page.Locator(".webchat__basic-transcript").GetByText("the Baclofen FAQ Bot", new() { Exact = false }));

        await SendAsync(page, "<img src=x onerror=\"window.__userXss=1\"> <script>window.__userXss=2</script> hi");
        await Expect(page.Locator(".webchat__basic-transcript").GetByText("You wrote:", new() { Exact = false }));
        await page.WaitForTimeoutAsync(500);

        Assert.True(await page.EvaluateAsync<bool>("() => window.__userXss === undefined && window.__botXss === undefined"));
        // Web Chat's sanitiser may keep a bare <img>, but never a script or an event handler attribute.
        var live = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.bfw-root *')].filter(e => e.tagName === 'SCRIPT' || [...e.attributes].some(a => a.name.toLowerCase().startsWith('on'))).map(e => e.outerHTML)");
        Assert.Empty(live);
        await ScreenshotAsync(page, "05-markup-is-inert");
        AssertOnlyTheBotWasContacted();
    }

    [Fact]
    public async Task On_a_phone_the_panel_is_full_screen()
    {
        var (context, page) = await OpenAsync(390, 844, mobile: true);
        await using var _ = context;
        await ScreenshotAsync(page, "06-phone-closed");
        await page.GetByRole(AriaRole.Button, new() { Name = Launcher }).ClickAsync();
        await Expect(page.Locator(".webchat__basic-transcript").GetByText("the Baclofen FAQ Bot", new() { Exact = false }));

        var box = await page.Locator(".bfw-panel").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.Equal(0, box.X, 1);
        Assert.Equal(0, box.Y, 1);
        Assert.Equal(390, box.Width, 1);
        Assert.Equal(844, box.Height, 1);

        await SendAsync(page, "does baclofen work immediately?");
        await Expect(page.GetByText(AnswerPhrase("onset"), new() { Exact = false }));
        await ScreenshotAsync(page, "07-phone-open");

        await page.GetByRole(AriaRole.Button, new() { Name = "Close chat" }).ClickAsync();
        Assert.False(await page.Locator(".bfw-panel").IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = Launcher }).IsVisibleAsync());
        AssertOnlyTheBotWasContacted();
    }

    [Fact]
    public async Task Keyboard_only_tab_to_launcher_enter_opens_escape_closes_and_focus_returns()
    {
        var (context, page) = await OpenAsync(1280, 800);
        await using var _ = context;
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = Launcher }));

        var reached = false;
        for (var i = 0; i < 30 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<bool>("() => document.activeElement?.classList.contains('bfw-launcher') === true");
        }

        Assert.True(reached, "the launcher is reachable with Tab");
        Assert.Equal("false", await page.Locator(".bfw-launcher").GetAttributeAsync("aria-expanded"));

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".bfw-panel"));
        Assert.Equal("true", await page.Locator(".bfw-launcher").GetAttributeAsync("aria-expanded"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.bfw-panel').contains(document.activeElement)"), "focus moved into the panel");

        // Once Web Chat is up, focus is in its send box, so the patient can type at once.
        await page.WaitForFunctionAsync("() => document.activeElement?.classList.contains('webchat__send-box-text-box__input')", null, new() { Timeout = Timeout });
        // The welcome shows the conversation is connected; typing earlier can race Web Chat's start-up on a busy machine.
        await Expect(page.Locator(".webchat__basic-transcript").GetByText("the Baclofen FAQ Bot", new() { Exact = false }));
        await page.Keyboard.TypeAsync("does baclofen work immediately?");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText(AnswerPhrase("onset"), new() { Exact = false }));
        await ScreenshotAsync(page, "08-keyboard-open");

        await page.Keyboard.PressAsync("Escape");
        Assert.False(await page.Locator(".bfw-panel").IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.classList.contains('bfw-launcher') === true"), "focus returned to the launcher");
        Assert.Equal("false", await page.Locator(".bfw-launcher").GetAttributeAsync("aria-expanded"));
        AssertOnlyTheBotWasContacted();
    }

    [Fact]
    public async Task Embedded_on_an_allowed_clinic_site_on_another_origin_it_works_and_elsewhere_it_is_refused()
    {
        await using var clinic = await ClinicSite.StartAsync();
        await using var bot = await TestApp.StartRealAsync(new Dictionary<string, string?> { ["Widget:AllowedOrigins:0"] = clinic.Origin });
        clinic.BotAddress = bot.BaseAddress;
        Assert.NotEqual(new Uri(clinic.Origin).Port, new Uri(bot.BaseAddress).Port);

        var (context, page) = await OpenAsync(1280, 800, url: clinic.Origin + "/");
        await using (context)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Chat with Lakeside Family Practice about baclofen" }).ClickAsync();
            await Expect(page.Locator(".webchat__basic-transcript").GetByText("the Baclofen FAQ Bot", new() { Exact = false }));
            // The clinic page sets data-emergency-number="112": the widget's notice names it.
            await Expect(page.GetByText("Not medical advice. In an emergency call 112."));
            await SendAsync(page, "does baclofen work immediately?");
            await Expect(page.GetByText(AnswerPhrase("onset"), new() { Exact = false }));
            Assert.True((await page.Locator(".bfw-launcher").BoundingBoxAsync())!.X < 100, "data-position=left puts the launcher on the left");
            await ScreenshotAsync(page, "09-embedded-cross-origin");
        }

        // blob: and data: URLs are made inside the page (Web Chat's own), not requests to a host.
        Assert.All(_requests, url => Assert.True(
            url.StartsWith(clinic.Origin + "/", StringComparison.Ordinal) || url.StartsWith(bot.BaseAddress + "/", StringComparison.Ordinal)
            || url.StartsWith("blob:" + clinic.Origin + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));
        Assert.Contains(_requests, url => url.StartsWith(bot.BaseAddress + "/v3/directline/conversations/", StringComparison.Ordinal));

        // The same page, but the bot does not list this clinic: no token, an honest message instead of a chat.
        await using var strict = await TestApp.StartRealAsync();
        clinic.BotAddress = strict.BaseAddress;
        var (context2, page2) = await OpenAsync(1280, 800, url: clinic.Origin + "/");
        await using (context2)
        {
            await page2.GetByRole(AriaRole.Button, new() { Name = "Chat with Lakeside Family Practice about baclofen" }).ClickAsync();
            await Expect(page2.GetByText("The chat is not available right now. Please try again later, or call the clinic. In an emergency call 112."));
            Assert.Empty(((RecordingDirectLineBot)strict.Bot).Received);
        }
    }

    [Fact]
    public async Task A_conversation_that_expired_on_the_server_is_replaced_by_a_new_one_on_reload()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var bot = new ClinicTestBot();
        await _app.DisposeAsync();
        _app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Widget:TokenLifetimeMinutes"] = "600", ["Widget:ConversationIdleMinutes"] = "10" }, bot, clock);
        var (context, page) = await OpenAsync(1280, 800);
        await using var _ = context;

        await page.GetByRole(AriaRole.Button, new() { Name = Launcher }).ClickAsync();
        await SendAsync(page, "does baclofen work immediately?");
        await Expect(page.GetByText(ClinicTestBot.OnsetAnswer));

        // The server forgets the idle conversation; the token in sessionStorage is still valid.
        clock.Advance(TimeSpan.FromMinutes(11));
        await page.ReloadAsync();
        await Eventually(() => bot.Received.Count(a => a.Type == "conversationUpdate") == 2);
        await Expect(page.Locator(".webchat__basic-transcript").GetByText("the Baclofen FAQ Bot", new() { Exact = false }));
        await SendAsync(page, "what are the side effects?");
        await Expect(page.GetByText(ClinicTestBot.SideEffectsAnswer));
        Assert.Equal(2, bot.Received.Select(a => a.Conversation!.Id).Distinct().Count());
        AssertOnlyTheBotWasContacted();
    }

    [Fact]
    public async Task With_small_pages_Web_Chat_still_shows_every_activity_in_order_live_and_after_a_reload()
    {
        // Two activities a GET: every question's echo, typing and answer come over several polls.
        await _app.DisposeAsync();
        _app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Widget:MaxActivitiesPerGet"] = "2" });
        var (context, page) = await OpenAsync(1280, 800);
        await using var _ = context;

        await page.GetByRole(AriaRole.Button, new() { Name = Launcher }).ClickAsync();
        var transcript = page.Locator(".webchat__basic-transcript");
        await Expect(transcript.GetByText("the Baclofen FAQ Bot", new() { Exact = false }));
        await SendAsync(page, "does baclofen work immediately?");
        await Expect(transcript.GetByText(ClinicTestBot.OnsetAnswer));
        await SendAsync(page, "what are the side effects?");
        await Expect(transcript.GetByText(ClinicTestBot.SideEffectsAnswer));
        AssertInOrder(await TranscriptAsync(page));

        // A reload reads the whole transcript again from the start, page by page.
        await page.ReloadAsync();
        transcript = page.Locator(".webchat__basic-transcript");
        await Expect(transcript.GetByText(ClinicTestBot.SideEffectsAnswer));
        AssertInOrder(await TranscriptAsync(page));
        AssertOnlyTheBotWasContacted();

        static void AssertInOrder(string[] activities)
        {
            int Index(string text) => Array.FindIndex(activities, a => a.Contains(text, StringComparison.Ordinal));
            var order = new[] { Index("the Baclofen FAQ Bot"), Index("work immediately"), Index(ClinicTestBot.OnsetAnswer), Index("side effects?"), Index(ClinicTestBot.SideEffectsAnswer) };
            Assert.True(order.All(i => i >= 0), "every activity is shown: " + string.Join(" | ", activities));
            Assert.Equal(order.Order(), order);
            Assert.Equal(activities.Length, activities.Distinct().Count());
        }
    }

    private static Task<string[]> TranscriptAsync(IPage page) =>
        page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.webchat__basic-transcript__activity')].map(e => e.innerText)");

    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(int width, int height, bool mobile = false, string? url = null)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
            HasTouch = mobile,
            DeviceScaleFactor = 1,
        });
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        page.Request += (_, request) => _requests.Enqueue(request.Url);
        page.Console += (_, message) => _console.Enqueue($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => _console.Enqueue("pageerror: " + error);
        await page.GotoAsync(url ?? _app.BaseAddress + "/");
        return (context, page);
    }

    private static async Task SendAsync(IPage page, string text)
    {
        var input = page.Locator(SendBox);
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    private static Task<int> ActivityCountAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.querySelectorAll('.webchat__basic-transcript__activity').length");

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }

    private static Task Expect(ILocator locator) => locator.First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = Timeout });

    private async Task ScreenshotAsync(IPage page, string name)
    {
        // Lets Web Chat finish scrolling the transcript to the newest message (not an assertion).
        await page.WaitForTimeoutAsync(700);
        var path = Path.Combine(ChromiumFixture.ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        output.WriteLine("screenshot: " + path);
    }

    private void AssertOnlyTheBotWasContacted()
    {
        Assert.NotEmpty(_requests);
        var elsewhere = _requests.Where(url => !url.StartsWith(_app.BaseAddress + "/", StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("blob:" + _app.BaseAddress + "/", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(elsewhere.Count == 0, "requests to other hosts: " + string.Join(", ", elsewhere));
        Assert.Contains(_requests, url => url.StartsWith(_app.BaseAddress + "/webchat/webchat.js", StringComparison.Ordinal));
        Assert.Contains(_requests, url => url.Contains("/v3/directline/conversations/", StringComparison.Ordinal));
    }

    private void AssertNoSecurityPolicyViolations()
    {
        foreach (var line in _console)
        {
            output.WriteLine("console " + line);
        }

        Assert.DoesNotContain(_console, line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || line.StartsWith("pageerror", StringComparison.Ordinal));
    }
}
