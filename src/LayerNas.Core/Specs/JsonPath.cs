using System.Text.RegularExpressions;

namespace LayerNas.Core.Specs;

/// <summary>Builds the JSON paths error messages point at: <c>$</c>, <c>$.layers[2].options</c>, <c>$.trainer.process.env['MY VAR']</c>.</summary>
internal static partial class JsonPath
{
    /// <summary>The path of the whole document.</summary>
    public const string Root = "$";

    /// <summary>The path of a member of the object at <paramref name="path"/>.</summary>
    public static string Member(string path, string name) =>
        PlainName().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name.Replace("\\", "\\\\").Replace("'", "\\'")}']";

    /// <summary>The path of an element of the array at <paramref name="path"/>.</summary>
    public static string Element(string path, int index) => $"{path}[{index}]";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
