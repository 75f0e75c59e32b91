using System.Text;

namespace LayerNas.Core.Specs;

/// <summary>Puts text from a spec into an error message on one line: control characters escaped, so an error is always one line and never drives a terminal.</summary>
public static class Quoted
{
    private const int Limit = 60;

    /// <summary>The text quoted, control characters escaped and long text cut with an ellipsis.</summary>
    public static string Text(string text) =>
        $"'{Escaped(text.Length <= Limit ? text : text[..Limit])}{(text.Length <= Limit ? "" : "…")}'";

    /// <summary>The text whole, control characters escaped (<c>\n</c>, <c>\u001b</c>): a path or name as an error shows it.</summary>
    public static string Escaped(string text)
    {
        if (!text.Any(char.IsControl))
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
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
