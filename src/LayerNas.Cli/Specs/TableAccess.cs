using LayerNas.Core.Costs;
using LayerNas.Core.Specs;

namespace LayerNas.Cli.Specs;

/// <summary>
/// Which table files a node reads for the specs clients give it: anywhere (the operator's own run), only inside the
/// data root its operator set, or none. A path is judged by where it really leads (links followed), so a link inside
/// the root cannot reach out of it, and the refusal of a path outside says nothing of what is there; the file is then
/// judged again by the handle it is read from, so a link swapped in between cannot reach out either.
/// </summary>
public sealed class TableAccess
{
    private readonly string? _root;
    private readonly bool _anywhere;

    private TableAccess(string? root, bool anywhere)
    {
        _root = root;
        _anywhere = anywhere;
    }

    /// <summary>Reads tables at any path, relative ones against the working folder: for <c>layernas run</c> and trusted clients.</summary>
    public static TableAccess Anywhere { get; } = new(null, true);

    /// <summary>Reads no table: a node whose clients are not trusted and whose operator set no data root.</summary>
    public static TableAccess Nowhere { get; } = new(null, false);

    /// <summary>The data root, when tables are read only inside it.</summary>
    public string? Root => _root;

    /// <summary>Reads tables only inside <paramref name="root"/>, an existing folder; relative table paths resolve against it.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static TableAccess Inside(string root)
    {
        var real = RealPath.Of(root);
        return Directory.Exists(real) ? new TableAccess(real, false) : throw new DirectoryNotFoundException($"the data root {root} is not a folder");
    }

    /// <summary>Reads the table at <paramref name="path"/> if this node may (see <see cref="SpecFile.LoadTable(string, string)"/>); throws <see cref="SpecException"/> naming the path and what is wrong.</summary>
    public BenchmarkTable Load(string path, string keyColumn) => SpecFile.LoadTable(Resolve(path), keyColumn, path, _root);

    private string Resolve(string path)
    {
        if (_anywhere)
        {
            return path;
        }
        var what = $"table {Quoted.Escaped(path)}";
        if (_root is null)
        {
            throw new SpecException($"{what}: this node reads tables only inside a data root, and its operator set none (--data-root)", null);
        }
        string real;
        try
        {
            real = RealPath.Of(Path.IsPathRooted(path) ? path : Path.Combine(_root, path));
        }
        catch (IOException)
        {
            throw new SpecException($"{what}: too many symbolic links", null);
        }
        return RealPath.IsInside(real, _root) ? real : throw new SpecException($"{what}: outside the data root {_root}", null);
    }
}
