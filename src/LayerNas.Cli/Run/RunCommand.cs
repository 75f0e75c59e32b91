using Google.Protobuf;
using LayerNas.Cli.Specs;
using LayerNas.Cli.Hosting;
using LayerNas.Cluster.Client;
using LayerNas.Cluster.Hosting;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;
using LayerNas.Trainers;

namespace LayerNas.Cli.Run;

/// <summary>
/// <c>layernas run</c>: searches a spec on an embedded one-node cluster. The search is named after its effective spec,
/// so running the same command again after a crash resumes it from the database, and running it after it finished
/// answers from the database without training.
/// </summary>
public static class RunCommand
{
    private static readonly TimeSpan SubmitTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs the command and returns its exit code; bad input is reported as <see cref="UsageException"/>, <see cref="SpecException"/> or <see cref="TrainerException"/> before anything starts.</summary>
    public static async Task<int> RunAsync(RunOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var spec = SpecOverrides.Apply(SpecFile.Load(options.SpecPath), options.Strategy, options.Seed, options.MaxTrials);
        // The user's own machine: any table, any command the spec gives, and the trainers registered with --trainer.
        var files = NodeFiles.Trusted(options.Trainers);
        files.Check(spec);
        await files.Trainers(NodeFiles.LogsDirectory(options.Storage))(spec, 0).DisposeAsync();
        var searchId = SearchIds.Of(spec);
        // One writer per database: a second run on the same one is refused here, before anything starts.
        await using var writer = await StorageLock.AcquireAsync(options.Storage, cancellationToken);

        await using var node = await EmbeddedNode.StartAsync(options.Workers, options.Storage, files, cancellationToken, options.Dashboard);
        if (node.DashboardUrls.Count > 0)
        {
            output.WriteLine($"dashboard at {string.Join(" ", node.DashboardUrls)}/searches/{searchId}");
        }
        var accepted = await node.Client.SubmitAsync(searchId, spec, SubmitTimeout, cancellationToken);
        output.WriteLine(accepted switch
        {
            { Finished: true } => $"search {searchId} ({spec.Name}) finished before; answering from {options.Storage.Describe()}",
            { Existing: true } => $"search {searchId} ({spec.Name}) resumes from {options.Storage.Describe()}",
            _ => $"search {searchId} ({spec.Name}) starts with {options.Workers} worker{(options.Workers == 1 ? "" : "s")}",
        });

        var end = await FollowAsync(node.Client, searchId, output, cancellationToken);
        switch (end)
        {
            case SearchFinished finished:
                ResultReport.Print(spec, finished.Result, output);
                if (options.OutputPath is { } path)
                {
                    ResultReport.Write(finished.Result, path);
                    output.WriteLine($"result written to {path}");
                }
                return ExitCodes.Ok;
            case SearchError error:
                Console.Error.WriteLine($"error: {error.Reason}");
                return ExitCodes.Failure;
            default:
                Console.Error.WriteLine($"error: search {searchId} ended unexpectedly ({end?.Descriptor.Name ?? "no answer"})");
                return ExitCodes.Failure;
        }
    }

    internal static Task<IMessage?> FollowAsync(SearchClient client, string searchId, TextWriter output, CancellationToken cancellationToken) =>
        ProgressDisplay.FollowAsync(output, view => FollowAsync(client, searchId, view, cancellationToken));

    private static async Task<IMessage?> FollowAsync(SearchClient client, string searchId, IProgressView view, CancellationToken cancellationToken)
    {
        IMessage? last = null;
        await foreach (var update in client.WatchAsync(searchId, cancellationToken))
        {
            if (update is SearchProgressUpdate progress)
            {
                view.Show(progress);
            }
            last = update;
        }
        if (last is SearchFinished)
        {
            view.Complete();
        }
        return last;
    }
}
