using BenchmarkDotNet.Running;
using Baclofen.Bot.Benchmarks.InProcess;
using Baclofen.Bot.Benchmarks.Load;

// dotnet run -c Release --project tests/Baclofen.Bot.Benchmarks -- [--quick] [BenchmarkDotNet args, e.g. --filter '*']
// dotnet run -c Release --project tests/Baclofen.Bot.Benchmarks -- load [--duration 60] [--connections 16] ...
// dotnet run -c Release --project tests/Baclofen.Bot.Benchmarks -- model-memory   (RSS of the sentence model)
// (ceiling is the bare endpoint the load command starts as a separate process.)
switch (args.FirstOrDefault())
{
    case "load":
        return await LoadCommand.RunAsync(args[1..]);
    case "model-memory":
        return ModelMemoryCommand.Run();
    case "ceiling":
        await CeilingApp.RunAsync(args[1..]);
        return 0;
    default:
        var quick = args.Contains("--quick");
        var rest = args.Where(a => a != "--quick").ToArray();
        if (rest.Length == 0)
        {
            rest = ["--filter", "*"];
        }

        BenchmarkSwitcher.FromAssembly(typeof(LoadCommand).Assembly).Run(rest, BenchmarkConfig.Create(quick));
        return 0;
}
