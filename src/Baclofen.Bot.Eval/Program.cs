using Baclofen.Bot;
using Baclofen.Bot.Eval.Evaluation;
using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Safety;
using Baclofen.Bot.Safety.Emergency;
using Baclofen.Bot.Safety.Learned;
using Microsoft.Extensions.Configuration;

// The evaluation command: dev sets through the same pipeline the bot serves.
// Usage: dotnet run --project src/Baclofen.Bot.Eval -c Release -- [--questions F] [--out-of-scope F]
//        [--emergency F] [--misses N]   (defaults: the sets in tests/eval/)
var arguments = EvalArguments.Parse(args);
if (arguments.Error is not null)
{
    Console.Error.WriteLine(arguments.Error);
    Console.Error.WriteLine(EvalArguments.Usage);
    return 2;
}

var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: false)
    .AddEnvironmentVariables()
    .Build();

try
{
    if (arguments.SemanticProbe || arguments.SemanticEmergency)
    {
        SemanticCommands.Run(configuration, arguments, Console.Out);
        return 0;
    }

    var evaluator = Evaluator.Create(configuration, AppContext.BaseDirectory);
    var printer = new ReportPrinter(Console.Out, arguments.MaxMisses);
    foreach (var path in arguments.Questions) printer.Print(path, evaluator.Questions(EvalSets.Read(path)));
    foreach (var path in arguments.OutOfScope) printer.Print(path, evaluator.OutOfScope(EvalSets.Read(path)));
    foreach (var path in arguments.Emergency) printer.Print(path, evaluator.Emergency(EvalSets.Read(path)));
    if (arguments.ThresholdFit)
    {
        // The classifier's threshold, refitted from out-of-fold scores on the shipped corpus.
        var rules = new EmergencyDetector(configuration.GetSection(SafetyOptions.SectionName).Get<SafetyOptions>() ?? new SafetyOptions());
        var fit = ThresholdFit.Run(ShippedCorpus.Load(), message => rules.Assess(message).IsEmergency);
        Console.WriteLine($"== emergency classifier threshold (shipped {EmergencyClassifier.DefaultThreshold:0.00}; trained in {EmergencyClassifier.Shared.TrainingTime.TotalMilliseconds:0} ms on {EmergencyClassifier.Shared.LineCount} lines)");
        Console.WriteLine(fit.Table());
    }
    return 0;
}
catch (FaqValidationException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
