using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace Baclofen.Bot.Embeddings;

/// <summary>
/// A BERT-style sentence model run by ONNX Runtime directly: one session loaded by path (so the
/// weights are mapped once, not copied through a byte[]), one intra-op and one inter-op thread
/// (the machine's cores belong to the requests), one text per run (no padding). Thread-safe.
/// </summary>
public sealed class OnnxSentenceEncoder : ISentenceEncoder, IDisposable
{
    // The tokenizer never needs more text than this to fill MaxTokens word pieces; a longer text
    // is cut first so a pasted book costs no more than a paragraph.
    private const int CharactersPerToken = 16;

    private readonly SentenceEncoderOptions _options;
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer = new();
    private readonly Lock _tokenizerLock = new();
    private readonly string _idsName;
    private readonly string _maskName;
    private readonly string? _typeIdsName;
    private readonly string _outputName;
    private readonly bool _outputIsPooled;

    public OnnxSentenceEncoder(SentenceEncoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.FilesExist)
        {
            throw new FileNotFoundException($"sentence model files not found: {options.ModelPath}, {options.VocabularyPath}");
        }

        _options = options;
        using (var vocabulary = File.OpenText(options.VocabularyPath))
        {
            _tokenizer.LoadVocabulary(vocabulary, convertInputToLowercase: options.LowerCase);
        }

        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(options.ModelPath, sessionOptions);

        var inputs = _session.InputMetadata.Keys.ToArray();
        _idsName = inputs.Single(n => n.Contains("input_ids", StringComparison.Ordinal));
        _maskName = inputs.Single(n => n.Contains("attention_mask", StringComparison.Ordinal));
        _typeIdsName = inputs.SingleOrDefault(n => n.Contains("token_type_ids", StringComparison.Ordinal));

        var output = _session.OutputMetadata.First();
        _outputName = output.Key;
        _outputIsPooled = output.Value.Dimensions.Length == 2;
        Dimensions = output.Value.Dimensions[^1];
        if (Dimensions <= 0) throw new InvalidOperationException($"the model's output {_outputName} has no fixed width");
    }

    public int Dimensions { get; }

    public void Encode(string text, TextRole role, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (destination.Length < Dimensions) throw new ArgumentException($"needs {Dimensions} floats", nameof(destination));

        var maxTokens = _options.MaxTokens;
        var maxCharacters = maxTokens * CharactersPerToken;
        if (text.Length > maxCharacters) text = text[..maxCharacters];
        if (role == TextRole.Query && _options.QueryPrefix.Length > 0) text = _options.QueryPrefix + text;

        var ids = new long[maxTokens];
        var mask = new long[maxTokens];
        int length;
        lock (_tokenizerLock)
        {
            length = _tokenizer.Encode(text, ids, mask);
        }

        var shape = new long[] { 1, length };
        using var idsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ids.AsMemory(0, length), shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, mask.AsMemory(0, length), shape);
        using var typeIdsValue = _typeIdsName is null
            ? null
            : OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new long[length].AsMemory(), shape);

        var names = _typeIdsName is null ? new[] { _idsName, _maskName } : new[] { _idsName, _maskName, _typeIdsName };
        var values = typeIdsValue is null ? new[] { idsValue, maskValue } : new[] { idsValue, maskValue, typeIdsValue };
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, names, values, [_outputName]);
        Pool(outputs[0].GetTensorDataAsSpan<float>(), length, destination[..Dimensions]);
        VectorMath.Normalize(destination[..Dimensions]);
    }

    private void Pool(ReadOnlySpan<float> hidden, int length, Span<float> destination)
    {
        // A pooled output is already one vector; a token output is [1, length, Dimensions].
        if (_outputIsPooled || _options.Pooling == Pooling.Cls)
        {
            hidden[..Dimensions].CopyTo(destination);
            return;
        }

        destination.Clear();
        for (var token = 0; token < length; token++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(destination, hidden.Slice(token * Dimensions, Dimensions), destination);
        }
        System.Numerics.Tensors.TensorPrimitives.Divide(destination, length, destination);
    }

    public void Dispose() => _session.Dispose();
}
