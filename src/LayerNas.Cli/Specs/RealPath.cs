namespace LayerNas.Cli.Specs;

/// <summary>Where a path really leads, as the operating system would follow it: every symbolic link resolved, <c>..</c> taken after links.</summary>
internal static class RealPath
{
    // As POSIX's SYMLOOP_MAX: more links than this along one path is a loop.
    private const int MaxLinks = 40;

    /// <summary>
    /// The absolute path <paramref name="path"/> (relative ones against the working folder) leads to; the part that
    /// does not exist is kept as written. Throws <see cref="IOException"/> for a loop of links.
    /// </summary>
    public static string Of(string path)
    {
        var start = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var root = Path.GetPathRoot(start)!;
        var pending = new LinkedList<string>(Parts(start[root.Length..]));
        var current = root;
        var links = 0;
        while (pending.First is { } first)
        {
            pending.RemoveFirst();
            var part = first.Value;
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks)
            {
                throw new IOException($"too many symbolic links along {path}");
            }
            // The link's target stands in for it: followed from the root when absolute, else from the link's folder.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }
            foreach (var linked in Parts(target).Reverse())
            {
                pending.AddFirst(linked);
            }
        }
        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies under it (both real paths).</summary>
    public static bool IsInside(string path, string folder) =>
        path == folder || path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string[] Parts(string path) => path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
}
