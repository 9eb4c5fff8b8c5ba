using Baclofen.Bot.Host;
using Baclofen.Bot.Knowledge.Faq;

try
{
    // The heap cap is the production process's only: tests and benchmarks build the same app
    // inside their own process.
    var app = BotApp.Build(args, beforeWarmUp: built =>
        GcHeapLimit.Apply(built.Configuration, built.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GcHeapLimit))));
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
