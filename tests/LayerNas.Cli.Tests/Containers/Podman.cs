using LayerNas.Cli.Tests.Support;

namespace LayerNas.Cli.Tests.Containers;

/// <summary>The podman command of this machine, which runs the container tests' images and containers.</summary>
internal static class Podman
{
    /// <summary>How a machine without podman gets what the container tests need (runc, because crun fails in some sandboxes).</summary>
    public const string Install = "apt-get install podman runc debootstrap, and set default_ulimits = [] under [containers] in /etc/containers/containers.conf where setrlimit is refused";

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    /// <summary>Runs podman and returns how it ended.</summary>
    public static Task<ExternalCommand.Outcome> RunAsync(params string[] args) => ExternalCommand.RunAsync("podman", args, Deadline, Install);

    /// <summary>Runs podman, fails the test unless it succeeds, and returns its standard output without the last line break.</summary>
    public static async Task<string> CheckAsync(params string[] args) => (await ExternalCommand.CheckAsync("podman", args, Deadline, Install)).Stdout.TrimEnd('\n');
}
