using System.Text.RegularExpressions;

namespace LayerNas.Core.Specs;

/// <summary>The names under which operators register process trainers on their worker nodes and specs refer to them.</summary>
public static partial class TrainerNames
{
    /// <summary>The rule, in words.</summary>
    public const string Rule = "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or a digit";

    /// <summary>Whether <paramref name="name"/> follows <see cref="Rule"/>.</summary>
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
