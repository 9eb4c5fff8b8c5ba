using System.Collections.Concurrent;
using Baclofen.Bot.Host.Tests.DirectLine;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Baclofen.Bot.Host.Tests.Widget;

/// <summary>
/// The widget in headless Chromium against the real Web Chat bundle and the self-hosted
/// Direct Line endpoint, with <see cref="ClinicTestBot"/> behind <c>IDirectLineBot</c>.
/// Every test also checks that the browser asked nothing of any host but the bot's.
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

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

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
        await Expect(transcript.GetByText("about an hour after a dose", new() { Exact = false }));
        await Expect(transcript.GetByText("Never change how much or how often", new() { Exact = false }));
        await ScreenshotAsync(page, "02-answer-with-disclaimer");

        // The answer offers a follow-up as a suggested action button.
        await page.GetByRole(AriaRole.Button, new() { Name = ClinicTestBot.SideEffectsQuestion }).Last.ClickAsync();
        await Expect(transcript.GetByText("most common side effects", new() { Exact = false }));

        await SendAsync(page, "I took too many of my baclofen pills");
        await Expect(transcript.GetByText(ClinicTestBot.OverdoseAnswer));
        var text = await transcript.InnerTextAsync();
        var emergencyAt = text.IndexOf("This may be a medical emergency", StringComparison.Ordinal);
        var answerAt = text.IndexOf(ClinicTestBot.OverdoseAnswer, StringComparison.Ordinal);
        Assert.True(emergencyAt >= 0 && emergencyAt < answerAt, "the emergency reply is shown before the answer");
        await ScreenshotAsync(page, "03-emergency-first");

        // Reload: the panel reopens on the same conversation, history included, no second welcome.
        await page.ReloadAsync();
        transcript = page.Locator(".webchat__basic-transcript");
        await Expect(transcript.GetByText(ClinicTestBot.OverdoseAnswer));
        await Expect(transcript.GetByText("about an hour after a dose", new() { Exact = false }));
        Assert.Single(((ClinicTestBot)_app.Bot).Received, a => a.Type == "conversationUpdate");
        await SendAsync(page, "what are your opening hours?");
        await Expect(transcript.GetByText("have an answer to that in my baclofen FAQ", new() { Exact = false }));
        await ScreenshotAsync(page, "04-resumed-after-reload");

        // The welcome, a typed question, a suggested action, the emergency, and one after the reload.
        Assert.Equal(5, ((ClinicTestBot)_app.Bot).Turns);
        AssertOnlyTheBotWasContacted();
        AssertNoSecurityPolicyViolations();
    }

    [Fact]
    public async Task Markup_typed_by_a_user_or_sent_by_the_bot_never_runs()
    {
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
        await Expect(page.GetByText("about an hour after a dose", new() { Exact = false }));
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
        await page.Keyboard.TypeAsync("does baclofen work immediately?");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("about an hour after a dose", new() { Exact = false }));
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
        await using var bot = await TestApp.StartAsync(new Dictionary<string, string?> { ["Widget:AllowedOrigins:0"] = clinic.Origin });
        clinic.BotAddress = bot.BaseAddress;
        Assert.NotEqual(new Uri(clinic.Origin).Port, new Uri(bot.BaseAddress).Port);

        var (context, page) = await OpenAsync(1280, 800, url: clinic.Origin + "/");
        await using (context)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Chat with Lakeside Family Practice about baclofen" }).ClickAsync();
            await Expect(page.Locator(".webchat__basic-transcript").GetByText("the Baclofen FAQ Bot", new() { Exact = false }));
            await SendAsync(page, "does baclofen work immediately?");
            await Expect(page.GetByText("about an hour after a dose", new() { Exact = false }));
            Assert.True((await page.Locator(".bfw-launcher").BoundingBoxAsync())!.X < 100, "data-position=left puts the launcher on the left");
            await ScreenshotAsync(page, "09-embedded-cross-origin");
        }

        // blob: and data: URLs are made inside the page (Web Chat's own), not requests to a host.
        Assert.All(_requests, url => Assert.True(
            url.StartsWith(clinic.Origin + "/", StringComparison.Ordinal) || url.StartsWith(bot.BaseAddress + "/", StringComparison.Ordinal)
            || url.StartsWith("blob:" + clinic.Origin + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));
        Assert.Contains(_requests, url => url.StartsWith(bot.BaseAddress + "/v3/directline/conversations/", StringComparison.Ordinal));

        // The same page, but the bot does not list this clinic: no token, an honest message instead of a chat.
        await using var strict = await TestApp.StartAsync();
        clinic.BotAddress = strict.BaseAddress;
        var (context2, page2) = await OpenAsync(1280, 800, url: clinic.Origin + "/");
        await using (context2)
        {
            await page2.GetByRole(AriaRole.Button, new() { Name = "Chat with Lakeside Family Practice about baclofen" }).ClickAsync();
            await Expect(page2.GetByText("The chat is not available right now", new() { Exact = false }));
            Assert.Equal(0, ((ClinicTestBot)strict.Bot).Turns);
        }
    }

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
