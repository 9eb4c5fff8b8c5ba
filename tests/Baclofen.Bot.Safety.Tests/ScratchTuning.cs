using Baclofen.Bot.Safety.Learned;
using Xunit.Abstractions;

namespace Baclofen.Bot.Safety.Tests;

public class ScratchTuning(ITestOutputHelper output)
{
    [Fact]
    public void Tune()
    {
        var corpus = ShippedCorpus.Load();
        foreach (var (epochs, rate, l2, bits) in new[] { (20, 1.5f, 1e-5f, 16), (20, 1.5f, 1e-4f, 16), (20, 1.5f, 3e-4f, 16), (8, 1.5f, 1e-5f, 16), (20, 0.5f, 1e-4f, 16), (40, 3f, 1e-4f, 16) })
        {
            var trainer = new SgdTrainer { Epochs = epochs, LearningRate = rate, L2 = l2 };
            var scores = new double[corpus.Count];
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (int fold = 0; fold < 5; fold++)
            {
                var training = corpus.Where((_, i) => i % 5 != fold).ToList();
                var model = EmergencyClassifier.Train(training, trainer, bits);
                for (int i = fold; i < corpus.Count; i += 5) scores[i] = model.Score(corpus[i].Message);
            }
            var benign = corpus.Select((l, i) => (l, i)).Where(x => x.l.Label == "benign").Select(x => scores[x.i]).OrderByDescending(s => s).ToList();
            foreach (var fa in new[] { 0.02, 0.05 })
            {
                double t = benign[(int)(fa * benign.Count)];
                int caught = corpus.Select((l, i) => (l, i)).Count(x => x.l.IsEmergency && scores[x.i] > t);
                output.WriteLine($"e{epochs} lr{rate} l2{l2} b{bits}: FA {fa:P0} t={t:0.000} recall {caught}/{corpus.Count(l => l.IsEmergency)} ({clock.ElapsedMilliseconds / 5} ms/train)");
            }
        }
    }
}
