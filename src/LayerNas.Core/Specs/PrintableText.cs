namespace LayerNas.Core.Specs;

/// <summary>
/// Text that terminals show as written: no control characters (ESC, newline, DEL, C1) and no bidirectional overrides,
/// which could rewrite or disguise what <c>layernas list</c> or <c>status</c> print from a name a client chose.
/// </summary>
public static class PrintableText
{
    /// <summary>The first character of <paramref name="text"/> that a terminal would not show as written, or null when there is none.</summary>
    public static char? FirstUnprintable(string text)
    {
        foreach (var c in text)
        {
            if (IsUnprintable(c))
            {
                return c;
            }
        }
        return null;
    }

    /// <summary>Whether a terminal would not show <paramref name="c"/> as written: a control character or a bidirectional mark, embedding, override or isolate.</summary>
    public static bool IsUnprintable(char c) =>
        char.IsControl(c) || c is '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>A one-line problem naming the unprintable character of <paramref name="text"/>, or null when it is printable.</summary>
    public static string? Problem(string text) =>
        FirstUnprintable(text) is { } c ? $"contains the control character U+{(int)c:X4}, which terminals would not print as written" : null;
}
