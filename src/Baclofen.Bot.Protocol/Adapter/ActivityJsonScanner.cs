using System.Text.Json;

namespace Baclofen.Bot.Protocol.Adapter;

/// <summary>
/// One forward-only pass of <see cref="Utf8JsonReader"/> over a buffered body that checks it against
/// <see cref="ActivityLimits"/> and that it is one well-formed JSON object. It allocates nothing for
/// ordinary limits, so a hostile body costs a scan of its bytes and is refused before any object is
/// built from it.
/// </summary>
public static class ActivityJsonScanner
{
    public static ProtocolError? Check(ReadOnlySpan<byte> json, ActivityLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);

        // The reader's own depth check is a backstop one level above ours, so ours is the one that speaks.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });

        // For each open container (the root object is 0): items or members so far, and whether it is a list.
        var size = limits.MaxDepth + 1;
        Span<int> counts = size <= 128 ? stackalloc int[size] : new int[size];
        Span<bool> lists = size <= 128 ? stackalloc bool[size] : new bool[size];
        var depth = -1;
        var tokens = 0;
        var freeText = false; // inside a top-level member of ActivityLimits.FreeTextMembers
        try
        {
            while (reader.Read())
            {
                if (++tokens > limits.MaxTokens)
                {
                    return ProtocolError.TooComplex(limits.MaxTokens);
                }

                var token = reader.TokenType;
                if (depth < 0 && token != JsonTokenType.StartObject)
                {
                    return ProtocolError.MalformedJson("the body must be one JSON object.");
                }

                // A member name is one more member of its object; a value directly in a list one more item.
                var isItem = token == JsonTokenType.PropertyName
                    || (depth >= 0 && lists[depth] && token is not (JsonTokenType.EndArray or JsonTokenType.EndObject));
                if (isItem && ++counts[depth] > limits.MaxListItems)
                {
                    return ProtocolError.LimitExceeded($"more than {limits.MaxListItems} items in one list or members in one object", reader.TokenStartIndex);
                }

                switch (token)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (++depth >= limits.MaxDepth)
                        {
                            return ProtocolError.LimitExceeded($"objects and lists nested more than {limits.MaxDepth} deep", reader.TokenStartIndex);
                        }

                        counts[depth] = 0;
                        lists[depth] = token == JsonTokenType.StartArray;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        depth--;
                        break;
                    case JsonTokenType.PropertyName:
                        if (reader.ValueSpan.Length > limits.MaxStringBytes)
                        {
                            return ProtocolError.LimitExceeded($"a member name longer than {limits.MaxStringBytes} bytes", reader.TokenStartIndex);
                        }

                        if (depth == 0)
                        {
                            freeText = IsFreeText(ref reader);
                        }

                        break;
                    case JsonTokenType.String when !freeText && reader.ValueSpan.Length > limits.MaxStringBytes:
                        return ProtocolError.LimitExceeded($"a string longer than {limits.MaxStringBytes} bytes outside text", reader.TokenStartIndex);
                }
            }
        }
        catch (JsonException ex)
        {
            // The reader's message can quote the payload; keep to where it broke.
            return ProtocolError.MalformedJson($"malformed JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }

        return tokens == 0 ? ProtocolError.EmptyBody() : null;
    }

    private static bool IsFreeText(ref Utf8JsonReader reader)
    {
        foreach (var name in ActivityLimits.FreeTextMembers)
        {
            if (reader.ValueTextEquals(name))
            {
                return true;
            }
        }

        return false;
    }
}
