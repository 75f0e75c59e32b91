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
        string text;
        var shown = Quoted.Escaped(path);
        using (var file = Open(fullPath, $"spec file {shown}", $"spec file not found: {shown}", root: null))
        {
            text = Read(file, $"spec file {shown}");
        }
        var spec = SpecParser.Parse(text);
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
    public static BenchmarkTable LoadTable(string path, string keyColumn) => LoadTable(path, keyColumn, path, root: null);

    /// <summary>
    /// As <see cref="LoadTable(string, string)"/>, naming the table <paramref name="shown"/> (the path as the spec gave
    /// it) in errors, and reading it only if the file actually opened lies inside <paramref name="root"/> (a real path), when given.
    /// </summary>
    internal static BenchmarkTable LoadTable(string path, string keyColumn, string shown, string? root)
    {
        // A path may hold any character but NUL; an error shows it escaped, on one line.
        shown = Quoted.Escaped(shown);
        var what = $"table {shown}";
        using var file = Open(path, what, $"table file not found: {shown}", root);
        var stamp = (file.LastWriteTimeUtc, file.Length);
        var cacheKey = (file.RealPath, keyColumn);
        if (Tables.TryGetValue(cacheKey, out var cached) && cached.Stamp == stamp)
        {
            return cached.Table;
        }
        BenchmarkTable table;
        try
        {
            table = BenchmarkTable.Parse(Read(file, what), keyColumn);
        }
        catch (FormatException e)
        {
            throw new SpecException($"{what}: {e.Message}", null, e);
        }
        Tables[cacheKey] = new CachedTable(stamp, table);
        return table;
    }

    // A path holding a NUL character stays as written: no file has such a name, and the spec's validation says so at its place.
    private static string Resolve(string folder, string path) =>
        path.Length == 0 || path.Contains('\0') || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(folder, path));

    /// <summary>
    /// Opens a file to read after checking it twice: by its name first, so what is plainly a device, a pipe or too big
    /// is never opened; then by the handle it is read from, so a link swapped in between cannot lead out of
    /// <paramref name="root"/> or to such a file. Opening never waits, even on a pipe.
    /// </summary>
    private static OpenedFile Open(string path, string what, string notFound, string? root)
    {
        var full = Path.GetFullPath(path);
        var named = new FileInfo(full);
        if (!named.Exists)
        {
            throw new SpecException(notFound, null);
        }
        CheckRegular(what, named.Length);
        OpenedFile file;
        try
        {
            file = OpenedFile.Open(full);
        }
        catch (FileNotFoundException)
        {
            throw new SpecException(notFound, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpecException($"cannot read {what}: {e.Message}", null, e);
        }
        try
        {
            if (root is not null && !RealPath.IsInside(file.RealPath, root))
            {
                throw new SpecException($"{what}: outside the data root {root}", null);
            }
            CheckRegular(what, file.IsFolder ? 0 : file.Length);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    // Devices, pipes and /proc files report no size; a file that is empty has nothing to read either.
    private static void CheckRegular(string what, long length)
    {
        if (length == 0)
        {
            throw new SpecException($"{what}: empty, or not a regular file (a device, a pipe or a /proc file)", null);
        }
        if (length > MaxFileBytes)
        {
            throw new SpecException($"{what}: {Megabytes(length)} MB, over the {Megabytes(MaxFileBytes)} MB a file may have", null);
        }
    }

    private static string Read(OpenedFile file, string what)
    {
        try
        {
            var bytes = file.ReadAll(MaxFileBytes, () => new SpecException($"{what}: over the {Megabytes(MaxFileBytes)} MB a file may have", null));
            using var text = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
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
