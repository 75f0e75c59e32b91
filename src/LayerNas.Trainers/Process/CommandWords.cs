using System.Text;

namespace LayerNas.Trainers;

/// <summary>Splits a command line into words as a POSIX shell would, without expanding anything: quotes and backslashes only.</summary>
public static class CommandWords
{
    /// <summary>
    /// The words of <paramref name="line"/>: whitespace separates them, single quotes keep text as written, double
    /// quotes keep it but for backslash-escaped <c>"</c> and <c>\</c>, and a backslash outside quotes keeps the next
    /// character. Throws <see cref="FormatException"/> for an unclosed quote or a trailing backslash.
    /// </summary>
    public static IReadOnlyList<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }
                    continue;
                case '\'':
                    var close = line.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw new FormatException("a single quote is not closed");
                    }
                    word.Append(line, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    i = DoubleQuoted(line, i + 1, word);
                    break;
                case '\\':
                    if (++i == line.Length)
                    {
                        throw new FormatException("the line ends with a backslash");
                    }
                    word.Append(line[i]);
                    break;
                default:
                    word.Append(c);
                    break;
            }
            inWord = true;
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    // Appends the double-quoted text starting at `start` and returns the index of its closing quote.
    private static int DoubleQuoted(string line, int start, StringBuilder word)
    {
        for (var i = start; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '"':
                    return i;
                case '\\' when i + 1 < line.Length && line[i + 1] is '"' or '\\':
                    word.Append(line[++i]);
                    break;
                default:
                    word.Append(line[i]);
                    break;
            }
        }
        throw new FormatException("a double quote is not closed");
    }
}
