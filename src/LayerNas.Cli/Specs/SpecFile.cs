using System.Collections.Concurrent;
using System.Text;
using LayerNas.Core.Costs;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Specs;

/// <summary>Reads spec files and the benchmark tables they name; every problem is a one-line <see cref="SpecException"/>.</summary>
public static class SpecFile
{
    private static readonly ConcurrentDictionary<(string Path, string KeyColumn), CachedTable> Tables = new();

    /// <summary>
    /// Reads and parses a spec file; table paths (<c>cost.table.path</c>, <c>trainer.tabular.path</c>) that are
    /// relative are made absolute against the spec file's folder, so the spec means the same from any working folder,
    /// and a process trainer's command runs in that folder unless the spec says otherwise.
    /// </summary>
    public static SearchSpec Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var spec = SpecParser.Parse(Read(RegularFile(fullPath, $"spec file {path}", $"spec file not found: {path}"), $"spec file {path}"));
        var folder = Path.GetDirectoryName(fullPath)!;
        if (spec.Cost?.Table is { } table)
        {
            table.Path = Resolve(folder, table.Path);
        }
        if (spec.Trainer?.Tabular is { } tabular)
        {
            tabular.Path = Resolve(folder, tabular.Path);
        }
        if (spec.Trainer?.Process is { Command.Count: > 0 } process)
        {
            process.WorkingDirectory = process.WorkingDirectory.Length == 0 ? folder : Resolve(folder, process.WorkingDirectory);
        }
        return spec;
    }

    /// <summary>The largest spec or table file read (64 MiB); a spec the API takes is at most 4 MB.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Reads a benchmark table (CSV with a header row) keyed by <paramref name="keyColumn"/>; a table is read once and
    /// read again only when its file changes. Only a regular file of at most <see cref="MaxFileBytes"/> is read (never
    /// a device, a pipe or a /proc file, which could block or never end). Throws <see cref="SpecException"/> naming the
    /// file and what is wrong with it, never quoting what it holds.
    /// </summary>
    public static BenchmarkTable LoadTable(string path, string keyColumn) => LoadTable(path, keyColumn, path);

    /// <summary>As <see cref="LoadTable(string, string)"/>, naming the table <paramref name="shown"/> (the path as the spec gave it) in errors.</summary>
    internal static BenchmarkTable LoadTable(string path, string keyColumn, string shown)
    {
        var file = RegularFile(path, $"table {shown}", $"table file not found: {shown}");
        var stamp = (file.LastWriteTimeUtc, file.Length);
        var cacheKey = (file.FullName, keyColumn);
        if (Tables.TryGetValue(cacheKey, out var cached) && cached.Stamp == stamp)
        {
            return cached.Table;
        }
        BenchmarkTable table;
        try
        {
            table = BenchmarkTable.Parse(Read(file, $"table {shown}"), keyColumn);
        }
        catch (FormatException e)
        {
            throw new SpecException($"table {shown}: {e.Message}", null, e);
        }
        Tables[cacheKey] = new CachedTable(stamp, table);
        return table;
    }

    // A path holding a NUL character stays as written: no file has such a name, and the spec's validation says so at its place.
    private static string Resolve(string folder, string path) =>
        path.Length == 0 || path.Contains('\0') || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(folder, path));

    // Devices, pipes and /proc files report no size; a file that is empty has nothing to read either.
    private static FileInfo RegularFile(string path, string what, string notFound)
    {
        var file = new FileInfo(Path.GetFullPath(path));
        if (!file.Exists)
        {
            throw new SpecException(notFound, null);
        }
        if (file.Length == 0)
        {
            throw new SpecException($"{what}: empty, or not a regular file (a device, a pipe or a /proc file)", null);
        }
        if (file.Length > MaxFileBytes)
        {
            throw new SpecException($"{what}: {Megabytes(file.Length)} MB, over the {Megabytes(MaxFileBytes)} MB a file may have", null);
        }
        return file;
    }

    private static string Read(FileInfo file, string what)
    {
        try
        {
            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var bytes = new MemoryStream((int)file.Length);
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                // The file may have grown since its size was read.
                if (bytes.Length + read > MaxFileBytes)
                {
                    throw new SpecException($"{what}: over the {Megabytes(MaxFileBytes)} MB a file may have", null);
                }
                bytes.Write(buffer, 0, read);
            }
            bytes.Position = 0;
            using var text = new StreamReader(bytes, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return text.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpecException($"cannot read {what}: {e.Message}", null, e);
        }
    }

    private static long Megabytes(long bytes) => (bytes + (1 << 20) - 1) >> 20;

    private sealed record CachedTable((DateTime LastWrite, long Length) Stamp, BenchmarkTable Table);
}
