using System.Diagnostics;
using Baclofen.Bot.Embeddings;
using Baclofen.Bot.Testing;

namespace Baclofen.Bot.Benchmarks.InProcess;

/// <summary>
/// `model-memory`: this process's RSS before and after loading the sentence model and after
/// encoding, the figure issue 19 puts at about 210 MB for the model loaded by path.
/// </summary>
internal static class ModelMemoryCommand
{
    public static int Run()
    {
        var pid = Environment.ProcessId;
        static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0),6:0.0} MB";
        Console.WriteLine($"RSS before loading the model:   {Mb(ProcessMemory.ResidentBytes(pid))}");
        var before = ProcessMemory.ResidentBytes(pid);

        var load = Stopwatch.StartNew();
        using var encoder = new OnnxSentenceEncoder(SentenceEncoderOptions.ArcticXs(ModelFiles.ArcticXs));
        load.Stop();
        Console.WriteLine($"RSS after loading ({load.Elapsed.TotalMilliseconds:0} ms):  {Mb(ProcessMemory.ResidentBytes(pid))}");

        var vector = new float[encoder.Dimensions];
        var times = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var watch = Stopwatch.StartNew();
            encoder.EncodeQuery(i % 2 == 0 ? Messages.Question : Messages.Veiled, vector);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var after = ProcessMemory.ResidentBytes(pid);
        Console.WriteLine($"RSS after 200 encodes:          {Mb(after)} (peak {Mb(ProcessMemory.PeakResidentBytes(pid))}); the model adds {Mb(after - before)}");
        Console.WriteLine($"encode one message (stopwatch, first 200 incl. warm-up): p50 {times[100]:0.00} ms, p99 {times[197]:0.00} ms");
        return 0;
    }
}
