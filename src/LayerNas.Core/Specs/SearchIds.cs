using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Specs;

/// <summary>Names a search after its effective spec, so submitting the same spec again finds (and resumes) the same search.</summary>
public static class SearchIds
{
    /// <summary>"s-" and the first 12 hex digits of the SHA-256 of the spec's canonical protobuf bytes.</summary>
    public static string Of(SearchSpec spec)
    {
        var hash = SHA256.HashData(Canonical(spec).ToByteArray());
        return "s-" + Convert.ToHexStringLower(hash)[..12];
    }

    /// <summary>
    /// A copy whose maps list their entries in key order. Protobuf writes maps in insertion order, so two specs that
    /// differ only in how a file ordered its map keys would otherwise hash differently.
    /// </summary>
    public static SearchSpec Canonical(SearchSpec spec)
    {
        var copy = spec.Clone();
        SortMaps(copy);
        return copy;
    }

    private static void SortMaps(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                SortMap((System.Collections.IDictionary)value);
            }
            else if (field.IsRepeated && field.FieldType == FieldType.Message)
            {
                foreach (IMessage item in (System.Collections.IList)value)
                {
                    SortMaps(item);
                }
            }
            else if (field.FieldType == FieldType.Message && value is IMessage nested)
            {
                SortMaps(nested);
            }
        }
    }

    private static void SortMap(System.Collections.IDictionary map)
    {
        var entries = map.Keys.Cast<object>().Select(k => (Key: k, Value: map[k])).OrderBy(e => e.Key.ToString(), StringComparer.Ordinal).ToList();
        map.Clear();
        foreach (var (key, value) in entries)
        {
            map.Add(key, value);
        }
    }
}
