namespace Baclofen.Bot.Knowledge.Ranking;

/// <summary>
/// Fits a binary logistic model σ(b + w·x) by Newton's method (iteratively reweighted least
/// squares) with a small L2 penalty. Used for Platt scaling of the retrieval confidence: a
/// handful of inputs, a few hundred labelled messages, converged in a few iterations and fully
/// deterministic. The penalty keeps the weights finite when a feature separates the data.
/// </summary>
public static class LogisticFit
{
    public static (double Intercept, double[] Weights) Fit(IReadOnlyList<double[]> inputs, IReadOnlyList<bool> labels, double l2 = 0.01, int iterations = 50, IReadOnlyList<double>? sampleWeights = null)
    {
        if (inputs.Count == 0) throw new ArgumentException("nothing to fit", nameof(inputs));
        var d = inputs[0].Length + 1; // index 0 is the intercept
        var beta = new double[d];
        for (var iter = 0; iter < iterations; iter++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            for (var n = 0; n < inputs.Count; n++)
            {
                var x = Row(inputs[n]);
                var p = Sigmoid(Dot(beta, x));
                var y = labels[n] ? 1.0 : 0.0;
                var sw = sampleWeights?[n] ?? 1.0;
                var w = sw * Math.Max(p * (1 - p), 1e-9);
                for (var i = 0; i < d; i++)
                {
                    gradient[i] += sw * (p - y) * x[i];
                    for (var j = 0; j < d; j++) hessian[i, j] += w * x[i] * x[j];
                }
            }
            for (var i = 1; i < d; i++) // the intercept is not penalised
            {
                gradient[i] += l2 * beta[i];
                hessian[i, i] += l2;
            }
            hessian[0, 0] += 1e-9;
            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var i = 0; i < d; i++)
            {
                beta[i] -= step[i];
                change = Math.Max(change, Math.Abs(step[i]));
            }
            if (change < 1e-8) break;
        }
        return (beta[0], beta[1..]);
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    public static double Predict(double intercept, IReadOnlyList<double> weights, IReadOnlyList<double> x)
    {
        var z = intercept;
        for (var i = 0; i < weights.Count; i++) z += weights[i] * x[i];
        return Sigmoid(z);
    }

    private static double[] Row(double[] x) => [1.0, .. x];

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>Gaussian elimination with partial pivoting; the systems are 7×7.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (pivot != col)
            {
                for (var c = 0; c < n; c++) (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                (x[col], x[pivot]) = (x[pivot], x[col]);
            }
            var diag = m[col, col];
            if (Math.Abs(diag) < 1e-12) continue;
            for (var r = col + 1; r < n; r++)
            {
                var f = m[r, col] / diag;
                if (f == 0) continue;
                for (var c = col; c < n; c++) m[r, c] -= f * m[col, c];
                x[r] -= f * x[col];
            }
        }
        for (var r = n - 1; r >= 0; r--)
        {
            var s = x[r];
            for (var c = r + 1; c < n; c++) s -= m[r, c] * x[c];
            x[r] = Math.Abs(m[r, r]) < 1e-12 ? 0 : s / m[r, r];
        }
        return x;
    }
}
