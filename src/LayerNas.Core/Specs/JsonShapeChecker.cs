using System.Globalization;
using System.Text.Json;
using Google.Protobuf.Reflection;

namespace LayerNas.Core.Specs;

/// <summary>
/// Walks a JSON document against protobuf message descriptors and reports the first value the proto3 JSON mapping
/// would reject (unknown field, unknown kind, wrong type, out-of-range integer, two kinds of one oneof) with its JSON
/// path, so users never see the protobuf parser's pathless message for a mistake in their spec.
/// </summary>
internal static class JsonShapeChecker
{
    /// <summary>Throws a <see cref="SpecException"/> for the first value of <paramref name="element"/> that does not fit <paramref name="message"/>.</summary>
    public static void Check(JsonElement element, MessageDescriptor message, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new SpecException($"expected an object, got {Describe(element)}", path);
        }
        var fields = FieldsByJsonName(message);
        var seen = new HashSet<FieldDescriptor>();
        var chosen = new Dictionary<OneofDescriptor, string>();
        foreach (var property in element.EnumerateObject())
        {
            var childPath = JsonPath.Member(path, property.Name);
            if (!fields.TryGetValue(property.Name, out var field))
            {
                throw Unknown(message, property, path, childPath);
            }
            if (!seen.Add(field))
            {
                throw new SpecException($"'{field.JsonName}' is set more than once", childPath);
            }
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            if (field.RealContainingOneof is { } oneof)
            {
                if (chosen.TryGetValue(oneof, out var other))
                {
                    throw new SpecException($"choose one {SpecKinds.Noun(message)}, not both {Quoted.Text(other)} and {Quoted.Text(property.Name)}", path);
                }
                chosen[oneof] = property.Name;
            }
            CheckField(property.Value, field, childPath);
        }
    }

    private static SpecException Unknown(MessageDescriptor message, JsonProperty property, string path, string childPath)
    {
        // A kind section (strategy, cost, trainer) holds one object-valued member per kind: an unknown object there
        // is an unknown kind, anything else an unknown setting.
        if (SpecKinds.KindOneof(message) is { } kinds && property.Value.ValueKind == JsonValueKind.Object)
        {
            return new SpecException(
                $"unknown {SpecKinds.Noun(message)} {Quoted.Text(property.Name)} (expected one of: {string.Join(", ", kinds.Fields.Select(f => f.JsonName))})",
                path);
        }
        var expected = string.Join(", ", message.Fields.InDeclarationOrder().Select(f => f.JsonName));
        return new SpecException($"unknown field {Quoted.Text(property.Name)} (expected one of: {expected})", childPath);
    }

    private static Dictionary<string, FieldDescriptor> FieldsByJsonName(MessageDescriptor message)
    {
        // The proto3 JSON mapping accepts both the lowerCamel JSON name and the field's proto name.
        var fields = new Dictionary<string, FieldDescriptor>(StringComparer.Ordinal);
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            fields[field.JsonName] = field;
            fields[field.Name] = field;
        }
        return fields;
    }

    private static void CheckField(JsonElement value, FieldDescriptor field, string path)
    {
        if (field.IsMap)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new SpecException($"expected an object, got {Describe(value)}", path);
            }
            var valueField = field.MessageType.FindFieldByNumber(2);
            foreach (var entry in value.EnumerateObject())
            {
                var entryPath = JsonPath.Member(path, entry.Name);
                if (entry.Value.ValueKind == JsonValueKind.Null)
                {
                    throw new SpecException($"expected {Expected(valueField)}, got null", entryPath);
                }
                CheckValue(entry.Value, valueField, entryPath);
            }
            return;
        }
        if (field.IsRepeated)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw new SpecException($"expected an array, got {Describe(value)}", path);
            }
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var itemPath = JsonPath.Element(path, index++);
                if (item.ValueKind == JsonValueKind.Null)
                {
                    throw new SpecException($"expected {Expected(field)}, got null", itemPath);
                }
                CheckValue(item, field, itemPath);
            }
            return;
        }
        CheckValue(value, field, path);
    }

    private static void CheckValue(JsonElement value, FieldDescriptor field, string path)
    {
        var fits = field.FieldType switch
        {
            FieldType.String or FieldType.Bytes => value.ValueKind == JsonValueKind.String,
            FieldType.Bool => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            FieldType.Double or FieldType.Float => IsNumber(value),
            FieldType.Enum => IsEnumValue(value, field.EnumType),
            FieldType.Message or FieldType.Group => CheckMessage(value, field.MessageType, path),
            _ => IsIntegerInRange(value, field.FieldType),
        };
        if (!fits)
        {
            throw new SpecException($"expected {Expected(field)}, got {Describe(value)}", path);
        }
    }

    private static bool CheckMessage(JsonElement value, MessageDescriptor message, string path)
    {
        // Well-known types have JSON forms of their own (strings, numbers); the protobuf parser judges those.
        if (message.File.Package != "google.protobuf")
        {
            Check(value, message, path);
        }
        return true;
    }

    private static bool IsNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetDouble(out var number) && double.IsFinite(number),
        JsonValueKind.String => value.GetString() is "NaN" or "Infinity" or "-Infinity"
            || double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        _ => false,
    };

    private static bool IsEnumValue(JsonElement value, EnumDescriptor type) => value.ValueKind switch
    {
        JsonValueKind.String => type.FindValueByName(value.GetString()!) is not null,
        JsonValueKind.Number => value.TryGetInt32(out _),
        _ => false,
    };

    private static bool IsIntegerInRange(JsonElement value, FieldType type)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString(),
            _ => null,
        };
        if (text is null || !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || decimal.Truncate(number) != number)
        {
            return false;
        }
        var (min, max) = IntegerRange(type);
        return number >= min && number <= max;
    }

    private static (decimal Min, decimal Max) IntegerRange(FieldType type) => type switch
    {
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => (int.MinValue, int.MaxValue),
        FieldType.UInt32 or FieldType.Fixed32 => (uint.MinValue, uint.MaxValue),
        FieldType.UInt64 or FieldType.Fixed64 => (ulong.MinValue, ulong.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };

    private static string Expected(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => "a string",
        FieldType.Bytes => "a base64 string",
        FieldType.Bool => "true or false",
        FieldType.Double or FieldType.Float => "a number",
        FieldType.Enum => $"one of: {string.Join(", ", field.EnumType.Values.Select(v => v.Name))}",
        FieldType.Message or FieldType.Group => "an object",
        _ => $"an integer from {IntegerRange(field.FieldType).Min.ToString(CultureInfo.InvariantCulture)} to {IntegerRange(field.FieldType).Max.ToString(CultureInfo.InvariantCulture)}",
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {Quoted.Text(value.GetString()!)}",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };
}
