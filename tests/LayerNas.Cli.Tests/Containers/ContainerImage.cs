using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster.Tests.Support;

namespace LayerNas.Cli.Tests.Containers;

/// <summary>
/// The layernas image, built once for the tests that use it as a user without a registry builds it (deploy/README.md):
/// a Debian base made by <c>deploy/debian-base.sh</c>, the app published self-contained on this machine, then
/// <c>deploy/Dockerfile</c> with <c>APP=published</c>. The base image and the publish folder are kept between runs
/// (a clean machine makes both); the image itself is removed afterwards.
/// </summary>
public sealed class ContainerImage : IAsyncLifetime
{
    /// <summary>The base the tests build on unless LAYERNAS_TEST_BASE_IMAGE names another, such as mcr.microsoft.com/dotnet/runtime-deps:10.0.</summary>
    public const string DebianBase = "localhost/debian-base:12";

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    /// <summary>The built image's id, which every container of the tests runs.</summary>
    public string Id { get; private set; } = "";

    /// <summary>The user the image runs as (USER), uid:gid.</summary>
    public string User { get; private set; } = "";

    /// <summary>The image's working folder (WORKDIR).</summary>
    public string WorkingDir { get; private set; } = "";

    /// <summary>How the image came to be: each step with its time, and the image's size.</summary>
    public IReadOnlyList<string> Figures => _figures;

    private readonly List<string> _figures = [];

    public async Task InitializeAsync()
    {
        var root = Path.GetDirectoryName(Repository.File("LayerNas.Cluster.sln"))!;
        var baseImage = await BaseImageAsync(root);

        var publish = await ExternalCommand.CheckAsync(
            "dotnet",
            ["publish", "src/LayerNas.Cli", "-c", "Release", "-r", "linux-x64", "--self-contained", "--artifacts-path", "artifacts", "--disable-build-servers"],
            Deadline,
            "the .NET SDK",
            root);
        _figures.Add($"dotnet publish (self-contained, linux-x64): {publish.Elapsed.TotalSeconds:F0} s");

        using var folder = new TempFolder();
        var idFile = folder.File("image-id");
        // No step of this build needs a network; none gets one, so no bridge network and its private addresses exist.
        var build = await ExternalCommand.CheckAsync(
            "podman",
            ["build", "--network", "none", "--layers=false", "-f", "deploy/Dockerfile", "--build-arg", $"BASE_IMAGE={baseImage}", "--build-arg", "APP=published", "--iidfile", idFile, "."],
            Deadline,
            Podman.Install,
            root);
        Id = File.ReadAllText(idFile).Trim();
        var config = (await Podman.CheckAsync("image", "inspect", "--format", "{{.Size}}|{{.Config.User}}|{{.Config.WorkingDir}}", Id)).Split('|');
        var size = long.Parse(config[0], System.Globalization.CultureInfo.InvariantCulture);
        (User, WorkingDir) = (config[1], config[2]);
        _figures.Add($"podman build: {build.Elapsed.TotalSeconds:F0} s, image {size / 1_000_000} MB on {baseImage}");
    }

    public async Task DisposeAsync()
    {
        if (Id.Length > 0)
        {
            await Podman.RunAsync("rmi", "--force", Id);
        }
    }

    private async Task<string> BaseImageAsync(string root)
    {
        if (Environment.GetEnvironmentVariable("LAYERNAS_TEST_BASE_IMAGE") is { Length: > 0 } chosen)
        {
            return chosen;
        }
        if ((await Podman.RunAsync("image", "exists", DebianBase)).ExitCode == 0)
        {
            _figures.Add($"base image {DebianBase}: kept from an earlier run");
            return DebianBase;
        }
        var made = await ExternalCommand.CheckAsync("sh", ["deploy/debian-base.sh", DebianBase], Deadline, Podman.Install, root);
        _figures.Add($"deploy/debian-base.sh (debootstrap, podman import): {made.Elapsed.TotalSeconds:F0} s");
        return DebianBase;
    }
}
