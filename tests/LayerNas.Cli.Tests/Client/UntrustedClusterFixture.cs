using System.Diagnostics;
using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster.Tests.Support;

namespace LayerNas.Cli.Tests.Client;

/// <summary>
/// A coordinator and a worker process as an operator who trusts no client starts them: tables only inside a data root,
/// one registered trainer, the worker's two slots bound to GPUs 7 and 9. Every node's environment holds
/// <see cref="Secret"/>, so a leak of /proc/self/environ would show it.
/// </summary>
public sealed class UntrustedClusterFixture : IAsyncLifetime
{
    /// <summary>A value only the nodes' environment holds.</summary>
    public const string Secret = "only-in-the-nodes-environment-7c41e9";

    /// <summary>The trainer the worker registers: the fault trainer, started by a shell that first writes what its slot was given to slot-{slot}.env.</summary>
    public const string TrainerName = "fault";

    internal LocalCluster Cluster { get; private set; } = null!;

    /// <summary>The data root of both nodes.</summary>
    internal TempFolder Data { get; } = new();

    /// <summary>The registered trainer's working folder: where its slot files appear.</summary>
    internal string NodeFolder => Cluster.Folder.Path;

    public async Task InitializeAsync()
    {
        File.Copy(Examples.Path("tables/cnn4x4.csv"), Data.File("cnn4x4.csv"));
        File.CreateSymbolicLink(Data.File("escape.csv"), "/etc/passwd");
        File.CreateSymbolicLink(Data.File("environ.csv"), "/proc/self/environ");
        using (var fifo = Process.Start("mkfifo", Data.File("pipe.csv")))
        {
            await fifo.WaitForExitAsync();
        }
        File.WriteAllText(Data.File("twice.csv"), "arch,macs,val_acc\n8:8,1,0.5\n8:8,1,0.6\n");
        File.WriteAllText(Data.File("infinite.csv"), "arch,macs,val_acc\n8:8,1,Infinity\n");
        var registration = $"{TrainerName}=/bin/sh -c 'echo \"$LAYERNAS_SLOT $CUDA_VISIBLE_DEVICES\" > slot-{{slot}}.env; exec /usr/bin/python3 \"$0\"' '{FaultSpec.Script}'";
        Cluster = await LocalCluster.StartAsync(
            workers: 1,
            ["--api", "http://127.0.0.1:0", "--data-root", Data.Path],
            new Dictionary<string, string> { ["TRUST_TEST_SECRET"] = Secret },
            ["--trainer", registration, "--gpus", "7,9", "--data-root", Data.Path]);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Data.Dispose();
    }
}
