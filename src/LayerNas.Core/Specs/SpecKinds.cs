using System.Text;
using Google.Protobuf.Reflection;

namespace LayerNas.Core.Specs;

/// <summary>
/// The kinds a spec section offers (strategy, cost model, trainer), read from the section's oneof so that error
/// messages list exactly what the protocol accepts.
/// </summary>
internal static class SpecKinds
{
    /// <summary>The real (non-synthetic) oneof of a message, or null when it has none.</summary>
    public static OneofDescriptor? KindOneof(MessageDescriptor message) =>
        message.Oneofs.FirstOrDefault(o => !o.IsSynthetic);

    /// <summary>The JSON names of a section's kinds in declaration order ("layernas", "random", …).</summary>
    public static IReadOnlyList<string> NameList(MessageDescriptor section) =>
        [.. (KindOneof(section) ?? throw new ArgumentException($"{section.Name} has no oneof", nameof(section))).Fields.Select(f => f.JsonName)];

    /// <summary>The kind names of a section message, comma separated.</summary>
    public static string Names(MessageDescriptor section) => string.Join(", ", NameList(section));

    /// <summary>A message name in words: <c>CostModel</c> becomes "cost model".</summary>
    public static string Noun(MessageDescriptor message)
    {
        var noun = new StringBuilder();
        foreach (var c in message.Name)
        {
            if (char.IsUpper(c) && noun.Length > 0)
            {
                noun.Append(' ');
            }
            noun.Append(char.ToLowerInvariant(c));
        }
        return noun.ToString();
    }
}
