using System.Text;

namespace LayerNas.Core.Specs;

/// <summary>Puts text from a spec into an error message in single quotes, on one line and at a readable length.</summary>
internal static class Quoted
{
    private const int Limit = 60;

    /// <summary>The text quoted, control characters escaped and long text cut with an ellipsis.</summary>
    public static string Text(string text)
    {
        var quoted = new StringBuilder("'");
        foreach (var c in text.Length <= Limit ? text : text[..Limit])
        {
            quoted.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append(text.Length <= Limit ? "'" : "…'").ToString();
    }
}
