using Grpc.Core;
using Grpc.Net.Client;
using LayerNas.Cli.Run;
using LayerNas.Cli.Specs;
using LayerNas.Client;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Client;

/// <summary>
/// <c>layernas submit|status|watch|cancel|result|list</c>: talks to a coordinator's gRPC API. Output matches
/// <c>layernas run</c>: the same progress views, the same result lines, the same result JSON.
/// </summary>
public static class ClientCommand
{
    /// <summary>The largest answer the client reads (a result with a long Pareto front and many failures).</summary>
    private const int MaxAnswerBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Runs a client command. An unknown search or a refused token prints one line and returns
    /// <see cref="ExitCodes.BadInput"/>, any other refusal of the API one line and <see cref="ExitCodes.Failure"/>;
    /// a bad spec is reported as <see cref="SpecException"/> before anything is sent.
    /// </summary>
    public static async Task<int> RunAsync(ClientOptions options, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        try
        {
            using var channel = GrpcChannel.ForAddress(options.Server, new GrpcChannelOptions { MaxReceiveMessageSize = MaxAnswerBytes });
            var api = new SearchApi(new SearchService.SearchServiceClient(channel), options.Token, cancellationToken);
            return options.Command switch
            {
                "submit" => await SubmitAsync(api, options, output),
                "status" => await StatusAsync(api, options.Target!, output),
                "watch" => await WatchAsync(api, options, output),
                "cancel" => await CancelAsync(api, options, output),
                "result" => await ResultAsync(api, options, output),
                _ => await ListAsync(api, output),
            };
        }
        catch (RpcException e)
        {
            errors.WriteLine($"error: {Describe(e, options.Server)}");
            return e.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.Unauthenticated ? ExitCodes.BadInput : ExitCodes.Failure;
        }
    }

    private static async Task<int> SubmitAsync(SearchApi api, ClientOptions options, TextWriter output)
    {
        var spec = SpecOverrides.Apply(SpecFile.Load(options.Target!), options.Strategy, options.Seed, options.MaxTrials);
        var accepted = await api.SubmitAsync(spec);
        output.WriteLine(accepted switch
        {
            { Finished: true } => $"search {accepted.SearchId} ({spec.Name}) finished before on {options.Server}",
            { Existing: true } => $"search {accepted.SearchId} ({spec.Name}) is already running on {options.Server}",
            _ => $"search {accepted.SearchId} ({spec.Name}) submitted to {options.Server}",
        });
        return options.Watch ? await FollowAsync(api, accepted.SearchId, [.. spec.Layers.Select(l => l.Name)], options.OutputPath, output) : ExitCodes.Ok;
    }

    private static async Task<int> StatusAsync(SearchApi api, string searchId, TextWriter output)
    {
        var status = await api.GetAsync(searchId);
        output.WriteLine($"search {status.SearchId} ({status.Name}): {status.State}");
        switch (status)
        {
            case { Result: { } result }:
                ResultReport.Print(status.LayerNames, result, output);
                break;
            case { State: "failed" }:
                output.WriteLine($"error: {status.Error}");
                break;
            case { Progress: { } progress }:
                output.WriteLine(StatusLines.Progress(progress));
                output.WriteLine($"trials: {progress.TrialsTrained} trained, {progress.TrialsFailed} failed, {progress.TrialsCached} cached{StatusLines.Reused(progress.TrialsReused)}, {progress.TrialsRunning} running");
                break;
        }
        if (status.TrainedByNode.Count > 0)
        {
            output.WriteLine($"trained by: {StatusLines.Nodes(status.TrainedByNode)}");
        }
        return ExitCodes.Ok;
    }

    private static async Task<int> WatchAsync(SearchApi api, ClientOptions options, TextWriter output)
    {
        var status = await api.GetAsync(options.Target!);
        output.WriteLine($"search {status.SearchId} ({status.Name}): {status.State}");
        return await FollowAsync(api, status.SearchId, status.LayerNames, options.OutputPath, output);
    }

    private static async Task<int> CancelAsync(SearchApi api, ClientOptions options, TextWriter output)
    {
        var answer = await api.CancelAsync(options.Target!, options.Reason ?? "");
        output.WriteLine(answer.AlreadyEnded
            ? $"search {answer.SearchId} had already ended; nothing changed"
            : $"search {answer.SearchId} cancelled; its result keeps the best found so far (layernas result {answer.SearchId})");
        return ExitCodes.Ok;
    }

    private static async Task<int> ResultAsync(SearchApi api, ClientOptions options, TextWriter output)
    {
        var status = await api.GetAsync(options.Target!);
        var result = await api.ResultAsync(status.SearchId);
        output.WriteLine($"search {status.SearchId} ({status.Name}): {result.Status}");
        return Report(status.LayerNames, result, options.OutputPath, output);
    }

    private static async Task<int> ListAsync(SearchApi api, TextWriter output)
    {
        var list = await api.ListAsync();
        if (list.Searches.Count == 0)
        {
            output.WriteLine("no searches");
        }
        foreach (var status in list.Searches)
        {
            output.WriteLine(StatusLines.Summary(status));
        }
        return ExitCodes.Ok;
    }

    private static async Task<int> FollowAsync(SearchApi api, string searchId, IReadOnlyList<string> layerNames, string? outputPath, TextWriter output)
    {
        var result = await ProgressDisplay.FollowAsync(output, async view =>
        {
            SearchResult? end = null;
            await foreach (var update in api.WatchAsync(searchId))
            {
                if (update.Progress is { } progress)
                {
                    view.Show(progress);
                }
                end = update.Result ?? end;
            }
            if (end is { Status: "finished" })
            {
                view.Complete();
            }
            return end;
        });
        if (result is null)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"the watch of search {searchId} ended without its result; run layernas watch {searchId} again"));
        }
        return Report(layerNames, result, outputPath, output);
    }

    private static int Report(IReadOnlyList<string> layerNames, SearchResult result, string? outputPath, TextWriter output)
    {
        ResultReport.Print(layerNames, result, output);
        if (outputPath is not null)
        {
            ResultReport.Write(result, outputPath);
            output.WriteLine($"result written to {outputPath}");
        }
        return ExitCodes.Ok;
    }

    private static string Describe(RpcException e, string server) => e.StatusCode switch
    {
        StatusCode.Unavailable when e.Status.DebugException is not null => $"cannot reach the coordinator at {server}: {e.Status.DebugException.Message}",
        StatusCode.DeadlineExceeded => $"the coordinator at {server} did not answer in time",
        _ => e.Status.Detail,
    };
}
