using System.Collections.Concurrent;
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
    /// relative are made absolute against the spec file's folder, so the spec means the same from any working folder.
    /// </summary>
    public static SearchSpec Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new SpecException($"spec file not found: {path}", null);
        }
        var spec = SpecParser.Parse(Read(fullPath, $"spec file {path}"));
        var folder = Path.GetDirectoryName(fullPath)!;
        if (spec.Cost?.Table is { } table)
        {
            table.Path = Resolve(folder, table.Path);
        }
        if (spec.Trainer?.Tabular is { } tabular)
        {
            tabular.Path = Resolve(folder, tabular.Path);
        }
        if (spec.Trainer?.Process is { } process)
        {
            process.WorkingDirectory = process.WorkingDirectory.Length == 0 ? folder : Resolve(folder, process.WorkingDirectory);
        }
        return spec;
    }

    /// <summary>
    /// Reads a benchmark table (CSV with a header row) keyed by <paramref name="keyColumn"/>; a table is read once and
    /// read again only when its file changes. Throws <see cref="SpecException"/> naming the file for a missing or malformed table.
    /// </summary>
    public static BenchmarkTable LoadTable(string path, string keyColumn)
    {
        var file = new FileInfo(Path.GetFullPath(path));
        if (!file.Exists)
        {
            throw new SpecException($"table file not found: {path}", null);
        }
        var stamp = (file.LastWriteTimeUtc, file.Length);
        var cacheKey = (file.FullName, keyColumn);
        if (Tables.TryGetValue(cacheKey, out var cached) && cached.Stamp == stamp)
        {
            return cached.Table;
        }
        BenchmarkTable table;
        try
        {
            table = BenchmarkTable.Parse(Read(file.FullName, $"table {path}"), keyColumn);
        }
        catch (FormatException e)
        {
            throw new SpecException($"table {path}: {e.Message}", null, e);
        }
        Tables[cacheKey] = new CachedTable(stamp, table);
        return table;
    }

    private static string Resolve(string folder, string path) =>
        path.Length == 0 || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(folder, path));

    private static string Read(string fullPath, string what)
    {
        try
        {
            return File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpecException($"cannot read {what}: {e.Message}", null, e);
        }
    }

    private sealed record CachedTable((DateTime LastWrite, long Length) Stamp, BenchmarkTable Table);
}
