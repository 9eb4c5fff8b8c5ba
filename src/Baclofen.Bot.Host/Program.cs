using Baclofen.Bot.Host;
using Baclofen.Bot.Knowledge.Faq;

try
{
    var app = BotApp.Build(args);
    // The production process only: tests and benchmarks build the same app inside their own process.
    GcHeapLimit.Apply(app.Configuration, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GcHeapLimit)));
    await app.RunAsync();
    return 0;
}
catch (FaqValidationException e)
{
    // Never serve a partial FAQ: say exactly what is wrong and stop.
    Console.Error.WriteLine("The FAQ in faq/ is invalid; the bot will not start until it is fixed:");
    Console.Error.WriteLine(e.Message);
    return 1;
}
