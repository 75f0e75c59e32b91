namespace LayerNas.Cli.Tests.Support;

/// <summary>Files of the repository the tests run from.</summary>
internal static class Repository
{
    /// <summary>The full path of a file given relative to the repository's root, found from the tests' folder upwards.</summary>
    public static string File(string relativePath)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relativePath);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"{relativePath} was not found above {AppContext.BaseDirectory}");
    }
}
