namespace LayerNas.Cli.Tests.Support;

/// <summary>Files of the repository's examples folder.</summary>
internal static class Examples
{
    public static string Path(string name) => Repository.File(System.IO.Path.Combine("examples", name));
}
