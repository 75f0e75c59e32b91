namespace LayerNas.Cli.Tests.Support;

/// <summary>Files of the repository's examples folder.</summary>
internal static class Examples
{
    public static string Path(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, "examples", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"examples/{name} was not found above {AppContext.BaseDirectory}");
    }
}
