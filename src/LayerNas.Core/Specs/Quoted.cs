using System.Text;

namespace LayerNas.Core.Specs;

/// <summary>Puts text from a spec into an error message on one line: what <see cref="PrintableText"/> calls unprintable is escaped, so an error is always one line and shows the text as it is.</summary>
public static class Quoted
{
    private const int Limit = 60;

    /// <summary>The text quoted, unprintable characters escaped and long text cut with an ellipsis.</summary>
    public static string Text(string text) =>
        $"'{Escaped(text.Length <= Limit ? text : text[..Limit])}{(text.Length <= Limit ? "" : "…")}'";

    /// <summary>The text whole, unprintable characters escaped (<c>\n</c>, <c>\u001b</c>, <c>\u202e</c>): a path or name as an error shows it.</summary>
    public static string Escaped(string text)
    {
        if (!text.Any(PrintableText.IsUnprintable))
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when PrintableText.IsUnprintable(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
