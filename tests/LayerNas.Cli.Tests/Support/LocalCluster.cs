using System.Text.RegularExpressions;

using LayerNas.Cluster.Tests.Support;

namespace LayerNas.Cli.Tests.Support;

/// <summary>A coordinator and worker nodes as separate layernas processes on 127.0.0.1, each on a free port; all killed on dispose.</summary>
internal sealed partial class LocalCluster : IAsyncDisposable
{
    public static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    private readonly List<LayernasProcess> _processes = [];
    private readonly string[] _coordinatorArgs;
    private readonly IReadOnlyDictionary<string, string>? _environment;

    private LocalCluster(TempFolder folder, string[] coordinatorArgs, IReadOnlyDictionary<string, string>? environment)
    {
        Folder = folder;
        _coordinatorArgs = coordinatorArgs;
        _environment = environment;
    }

    public TempFolder Folder { get; }

    /// <summary>The coordinator's API URL, as clients on this machine reach it.</summary>
    public string Api { get; private set; } = "";

    /// <summary>The coordinator's web endpoint (dashboard, metrics, health), as clients on this machine reach it.</summary>
    public string Dashboard { get; private set; } = "";

    /// <summary>The coordinator's cluster address.</summary>
    public string Address { get; private set; } = "";

    public string Database => Folder.File("coordinator.db");

    public LayernasProcess Coordinator { get; private set; } = null!;

    /// <summary>The worker nodes' cluster addresses.</summary>
    public List<string> Workers { get; } = [];

    /// <summary>The worker nodes' processes, in the order of <see cref="Workers"/>.</summary>
    public List<LayernasProcess> WorkerNodes { get; } = [];

    /// <summary>
    /// Starts a coordinator with <paramref name="coordinatorArgs"/> added, then <paramref name="workers"/> worker nodes
    /// with two slots each and <paramref name="workerArgs"/> added, and waits until all are up.
    /// </summary>
    public static async Task<LocalCluster> StartAsync(int workers, string[]? coordinatorArgs = null, IReadOnlyDictionary<string, string>? environment = null, string[]? workerArgs = null)
    {
        var cluster = new LocalCluster(new TempFolder(), coordinatorArgs ?? ["--api", "http://127.0.0.1:0"], environment);
        try
        {
            await cluster.StartCoordinatorAsync("0");
            var starting = Enumerable.Range(0, workers)
                .Select(_ => cluster.Add(environment, ["node", "--role", "worker", "--port", "0", "--slots", "2", "--seed", cluster.Address, "--logs", cluster.Folder.File("logs"), .. workerArgs ?? []]))
                .ToList();
            foreach (var worker in starting)
            {
                cluster.Workers.Add(AddressOf(await worker.LineAsync("node up at ", StartDeadline)));
                cluster.WorkerNodes.Add(worker);
            }
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the coordinator again on the port it had (its workers' seed) and its database, after it was killed.</summary>
    public Task RestartCoordinatorAsync() => StartCoordinatorAsync(Address[(Address.LastIndexOf(':') + 1)..]);

    public ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }
        Folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task StartCoordinatorAsync(string port)
    {
        Coordinator = Add(_environment, ["node", "--role", "coordinator", "--port", port, "--db", Database, .. (_coordinatorArgs.Contains("--dashboard") ? _coordinatorArgs : [.. _coordinatorArgs, "--dashboard", "http://127.0.0.1:0"])]);
        var up = await Coordinator.LineAsync("node up at ", StartDeadline);
        Address = AddressOf(up);
        Api = $"http://127.0.0.1:{ApiPort().Match(up).Groups[1].Value}";
        Dashboard = $"http://127.0.0.1:{DashboardPort().Match(up).Groups[1].Value}";
    }

    private LayernasProcess Add(IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var process = LayernasProcess.Start(Folder.Path, environment, args);
        _processes.Add(process);
        return process;
    }

    private static string AddressOf(string upLine) => upLine.Split(' ')[3];

    [GeneratedRegex(@"API: http://[^ ]*:(\d+)")]
    private static partial Regex ApiPort();

    [GeneratedRegex(@"dashboard: http://[^ ]*:(\d+)")]
    private static partial Regex DashboardPort();
}
