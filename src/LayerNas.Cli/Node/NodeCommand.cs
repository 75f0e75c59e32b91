using Akka.Actor;
using LayerNas.Cli.Hosting;
using LayerNas.Cluster.Dispatch;
using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Searches;
using LayerNas.Cluster.Workers;
using LayerNas.Node.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LayerNas.Cli.Node;

/// <summary>
/// <c>layernas node</c>: one member of a cluster. A coordinator node runs the search manager singleton, its journal
/// and the gRPC API; a worker node runs worker slots that pull trials; a node may be both. It prints one line once it
/// is up and runs until SIGTERM or Ctrl-C, then leaves the cluster gracefully: its worker slots hand their leases back.
/// </summary>
/// <remarks>
/// A worker node that its cluster downs (the split-brain resolver decides by the coordinator role, so workers cut off
/// from every coordinator are the side that goes) starts its actor system again and joins its seeds anew: when a
/// crashed coordinator comes back, its workers come back to it without anyone restarting them.
/// </remarks>
public static class NodeCommand
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs a node until <paramref name="stop"/> fires or its actor system ends (a downed worker node starts again instead).</summary>
    public static async Task<int> RunAsync(NodeSettings settings, TextWriter output, CancellationToken stop)
    {
        if (PortProbe.Problem(settings.Cluster) is { } taken)
        {
            Console.Error.WriteLine($"error: the node could not start: {taken}");
            return ExitCodes.Failure;
        }
        await using var writer = await ClaimStorageAsync(settings, stop);
        // Results trained but not delivered when a downed worker node stops are delivered by its next start.
        var undelivered = new UndeliveredResults();
        while (true)
        {
            var (exitCode, downed) = await RunOnceAsync(settings, undelivered, output, stop);
            if (!downed || settings.IsCoordinator || stop.IsCancellationRequested)
            {
                return exitCode;
            }
            output.WriteLine("node downed: no coordinator is reachable; starting again to rejoin the cluster");
        }
    }

    private static async Task<(int ExitCode, bool Downed)> RunOnceAsync(NodeSettings settings, UndeliveredResults undelivered, TextWriter output, CancellationToken stop)
    {
        var host = Build(settings, undelivered);
        try
        {
            await host.StartAsync(stop);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A port in use, an address not on this machine, a database that cannot be opened.
            Console.Error.WriteLine($"error: the node could not start: {StartFailure(e)}");
            host.Host.Dispose();
            return (ExitCodes.Failure, false);
        }
        var system = host.System;
        var cluster = Akka.Cluster.Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        var stopping = host.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(stop, stopping);
        _ = system.WhenTerminated.ContinueWith(_ => ended.Cancel(), TaskScheduler.Default);
        try
        {
            await up.Task.WaitAsync(ended.Token);
            output.WriteLine(UpLine(settings, cluster.SelfAddress.ToString(), host.ApiUrls, host.WebUrls));
            await Task.Delay(Timeout.Infinite, ended.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM, Ctrl-C, or the actor system ended: leave the cluster below.
        }
        var reason = CoordinatedShutdown.Get(system).ShutdownReason;
        var downed = reason is CoordinatedShutdown.ClusterDowningReason or CoordinatorLeftReason;
        output.WriteLine(reason switch
        {
            CoordinatedShutdown.ClusterDowningReason => "node downed by its cluster: leaving",
            CoordinatorLeftReason => "the last coordinator left the cluster: leaving",
            _ => "node stopping: handing back leases and leaving the cluster",
        });
        await host.StopAsync(StopTimeout);
        output.WriteLine("node stopped");
        return (ExitCodes.Ok, downed);
    }

    /// <summary>
    /// Checks a coordinator's journal and, when the node forms a cluster of its own (no seeds), makes it the journal's
    /// one writer for the node's life. A coordinator that joins seeds is a standby of that cluster's search manager,
    /// which moves to it only when the writer leaves, so it shares the journal instead.
    /// </summary>
    private static async Task<StorageLock?> ClaimStorageAsync(NodeSettings settings, CancellationToken stop)
    {
        if (!settings.IsCoordinator)
        {
            return null;
        }
        if (settings.Cluster.SeedNodes.Length > 0)
        {
            await StorageProbe.EnsureReachableAsync(settings.Storage, stop);
            return null;
        }
        return await StorageLock.AcquireAsync(settings.Storage, stop);
    }

    /// <summary>The first failure that says what went wrong, and its root cause when that adds something (hosting wraps both in aggregates).</summary>
    private static string StartFailure(Exception error)
    {
        var first = error is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : error;
        var message = first.Message.Replace(" See InnerException for details.", "", StringComparison.Ordinal);
        var cause = first.GetBaseException();
        return ReferenceEquals(cause, first) || message.Contains(cause.Message, StringComparison.OrdinalIgnoreCase) ? message : $"{message} ({cause.Message})";
    }

    private static LayerNasHost Build(NodeSettings settings, UndeliveredResults undelivered)
    {
        var files = settings.Files;
        return LayerNasHost.Create(
            new LayerNasNodeSettings
            {
                Cluster = settings.Cluster,
                Storage = settings.IsCoordinator ? settings.Storage : null,
                Compile = files.Compile,
                Manager = new SearchManagerSettings { Dispatcher = new TrialDispatcherSettings { LeaseGrace = settings.LeaseGrace } },
                Workers = new WorkerPoolSettings { Slots = settings.Slots, Undelivered = undelivered },
                Trainers = files.Trainers(settings.LogsDirectory),
            },
            Configure,
            settings.IsCoordinator ? settings.Api : null,
            files.Check,
            settings.Web);
    }

    /// <summary>The log category of the generic host's own reports, among them a failed start's.</summary>
    internal const string HostFailures = "Microsoft.Extensions.Hosting.Internal.Host";

    private static void Configure(ILoggingBuilder logging) => logging
        .ClearProviders()
        .AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        })
        // Logs go to standard error, so standard output carries only the node's own lines ("node up at …").
        .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
        .AddFilter("Microsoft", LogLevel.Warning)
        // A failed start is the node's one "error:" line; the host's own report of it is a stack trace.
        .AddFilter(HostFailures, LogLevel.Critical)
        .AddFilter("Grpc", LogLevel.Warning)
        .AddFilter("OpenTelemetry", LogLevel.Warning)
        .SetMinimumLevel(LogLevel.Information);

    private static string UpLine(NodeSettings settings, string address, IReadOnlyList<string> apiUrls, IReadOnlyList<string> webUrls)
    {
        var parts = new List<string> { $"roles: {string.Join(", ", settings.Cluster.Roles)}" };
        if (settings.IsWorker)
        {
            parts.Add($"slots: {settings.Slots}");
            if (settings.Gpus.Count > 0)
            {
                parts.Add($"GPUs: {string.Join(",", settings.Gpus)}");
            }
            parts.Add($"trainers: {(settings.Trainers.Names.Count == 0 ? "none registered" : string.Join(", ", settings.Trainers.Names))}");
        }
        parts.Add(settings.Trainers.TrustsSpecCommands
            ? "clients trusted: specs may run any command"
            : $"tables: {settings.Tables.Root ?? "none (no --data-root)"}");
        if (settings.IsCoordinator)
        {
            var token = settings.Api.Token is null ? "no token, this machine only" : "bearer token required";
            parts.Add($"API: {string.Join(" ", apiUrls)} ({token})");
            parts.Add($"database: {settings.DescribeStorage()}");
        }
        if (webUrls.Count > 0)
        {
            var what = settings.IsCoordinator ? "dashboard" : "metrics and health";
            parts.Add($"{what}: {string.Join(" ", webUrls)}{(settings.Api.Token is null ? "" : " (token required)")}");
        }
        if (settings.Cluster.SeedNodes.Length > 0)
        {
            parts.Add($"seeds: {string.Join(" ", settings.Cluster.SeedNodes)}");
        }
        return $"node up at {address} ({string.Join("; ", parts)})";
    }
}
