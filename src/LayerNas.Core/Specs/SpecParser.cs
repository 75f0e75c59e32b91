using System.Text.Json;
using Google.Protobuf;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Specs;

/// <summary>Reads a spec: the proto3 JSON of <see cref="SearchSpec"/>, unknown fields rejected.</summary>
public static class SpecParser
{
    private static readonly JsonParser Protobuf = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    /// <summary>Parses spec JSON; throws <see cref="SpecException"/> naming the first problem and its JSON path.</summary>
    /// <remarks>Parsing checks the shape only; <see cref="SpecValidator"/> judges whether the spec makes sense.</remarks>
    public static SearchSpec Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using (var document = ParseDocument(json))
        {
            JsonShapeChecker.Check(document.RootElement, SearchSpec.Descriptor, JsonPath.Root);
        }
        try
        {
            return Protobuf.Parse<SearchSpec>(json);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            // The shape check catches what users get wrong; this is the protobuf parser's word on anything else.
            throw new SpecException($"invalid spec: {OneLine(e.Message)}", null, e);
        }
    }

    private static JsonDocument ParseDocument(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new SpecException("the spec is empty", null);
        }
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var at = e.LineNumber is { } line && e.BytePositionInLine is { } column ? $" at line {line + 1}, column {column + 1}" : "";
            throw new SpecException($"malformed JSON{at}: {ReaderProblem(e.Message)}", null, e);
        }
    }

    // The reader appends "Path: … | LineNumber: … | BytePositionInLine: …" (the position is already in our words)
    // and speaks of reader options where a spec author needs to hear what JSON does not allow.
    private static string ReaderProblem(string message)
    {
        if (message.Contains("trailing comma", StringComparison.Ordinal))
        {
            return "JSON does not allow a trailing comma";
        }
        if (message.StartsWith("'/' is invalid", StringComparison.Ordinal))
        {
            return "JSON does not allow comments";
        }
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }
        return OneLine(message).TrimEnd(' ', '|');
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
