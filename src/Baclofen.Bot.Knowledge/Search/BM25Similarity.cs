namespace Baclofen.Bot.Knowledge.Search;

/// <summary>
/// Okapi BM25 as Lucene (8 and later) computes it: idf = ln(1 + (N − n + 0.5) / (n + 0.5)), which
/// never goes negative for very common terms, and a term-frequency part freq / (freq + k1·(1 − b +
/// b·dl/avgdl)) without the constant (k1 + 1) factor Lucene dropped because it does not change the
/// ranking. A term's contribution is therefore bounded by boost·idf.
/// </summary>
public sealed class BM25Similarity(double k1 = 1.2, double b = 0.75)
{
    public double K1 { get; } = k1;
    public double B { get; } = b;

    public static double Idf(int docFrequency, int docCount) =>
        Math.Log(1 + (docCount - docFrequency + 0.5) / (docFrequency + 0.5));

    public double TermFrequencyNorm(double frequency, double docLength, double averageLength)
    {
        var lengthNorm = averageLength > 0 ? docLength / averageLength : 1;
        return frequency / (frequency + K1 * (1 - B + B * lengthNorm));
    }

    public double Score(double idf, double frequency, double docLength, double averageLength) =>
        idf * TermFrequencyNorm(frequency, docLength, averageLength);
}
