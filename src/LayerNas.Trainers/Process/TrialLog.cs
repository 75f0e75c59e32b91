using System.Text;

namespace LayerNas.Trainers;

/// <summary>The end of a trial's log, as a failed trial carries it to the dashboard.</summary>
public static class TrialLog
{
    /// <summary>Lines of a tail at most.</summary>
    public const int TailLines = 20;

    /// <summary>Bytes read from the end of the file at most, so a huge log costs no more than a small one.</summary>
    public const int TailBytes = 4096;

    /// <summary>The last lines of the file at <paramref name="path"/> (at most <see cref="TailLines"/> lines and <see cref="TailBytes"/> bytes); empty when it cannot be read.</summary>
    public static string Tail(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var length = (int)Math.Min(file.Length, TailBytes);
            file.Seek(-length, SeekOrigin.End);
            var buffer = new byte[length];
            file.ReadExactly(buffer);
            var lines = Encoding.UTF8.GetString(buffer).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            if (length == TailBytes && lines.Count > 1)
            {
                // The first line was cut where the read began.
                lines.RemoveAt(0);
            }
            while (lines.Count > 0 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }
            return string.Join('\n', lines.TakeLast(TailLines));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
