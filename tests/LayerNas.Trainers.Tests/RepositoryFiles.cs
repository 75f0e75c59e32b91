namespace LayerNas.Trainers.Tests;

/// <summary>Files of the repository the tests run from, such as the examples.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LayerNas.Cluster.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"no LayerNas.Cluster.sln above {AppContext.BaseDirectory}");
    }
}
