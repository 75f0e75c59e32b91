using System.Globalization;
using LayerNas.Cli.Hosting;
using LayerNas.Cli.Run;
using LayerNas.Cli.Specs;
using LayerNas.Cluster.Hosting;
using LayerNas.Core.Benchmarking;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Bench;

/// <summary>
/// <c>layernas bench build</c>: trains every architecture of a small space on an embedded one-node cluster, as
/// <c>layernas run</c> does, and writes the results as a NATS-Bench-style table. Each training seed is its own grid
/// search named after its effective spec, so running the same command again resumes an interrupted build and answers
/// a finished one from the database without training.
/// </summary>
public static class BenchBuildCommand
{
    /// <summary>Largest space the command trains: every architecture is a trial.</summary>
    public const long MaxArchitectures = 1_000_000;

    private static readonly TimeSpan SubmitTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs the command and returns its exit code. A bad spec, trainer or seed list is reported as
    /// <see cref="SpecException"/>, <see cref="Trainers.TrainerException"/> or <see cref="UsageException"/> before
    /// anything starts; a space too large to train prints one line on <paramref name="error"/> with <see cref="ExitCodes.BadInput"/>.
    /// </summary>
    public static async Task<int> RunAsync(BenchBuildOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var searches = Searches(SpecFile.Load(options.SpecPath), options.Seeds);
        var files = NodeFiles.Trusted();
        var compiled = files.Compile(searches[0].Spec);
        foreach (var (_, spec) in searches.Skip(1))
        {
            files.Compile(spec);
        }
        var space = compiled.Problem.Space;
        if (space.Size > MaxArchitectures)
        {
            await error.WriteLineAsync($"error: the space holds {Count(space.Size)} architectures; bench build trains every one and accepts at most {Count(MaxArchitectures)}");
            return ExitCodes.BadInput;
        }
        var storage = StorageSettings.SqliteFile(options.DatabasePath);
        var logs = NodeFiles.LogsDirectory(storage);
        foreach (var (_, spec) in searches)
        {
            await files.Trainers(logs)(spec, 0).DisposeAsync();
        }

        // One writer per database, as for run: a second build (or a run) on the same journal is refused before anything starts.
        await using var writer = await StorageLock.AcquireAsync(storage, cancellationToken);
        await output.WriteLineAsync($"bench build: {Count(space.Size)} architectures × {searches.Count} training seed{(searches.Count == 1 ? "" : "s")} on {options.Workers} worker{(options.Workers == 1 ? "" : "s")}");
        var runs = new List<SeedTrials>();
        await using (var node = await EmbeddedNode.StartAsync(options.Workers, storage, files, cancellationToken))
        {
            foreach (var (seed, spec) in searches)
            {
                var searchId = SearchIds.Of(spec);
                var accepted = await node.Client.SubmitAsync(searchId, spec, SubmitTimeout, cancellationToken);
                var label = seed is { } s ? $"seed {s}: search {searchId}" : $"search {searchId}";
                await output.WriteLineAsync(accepted switch
                {
                    { Finished: true } => $"{label} finished before; answering from {options.DatabasePath}",
                    { Existing: true } => $"{label} resumes from {options.DatabasePath}",
                    _ => $"{label} starts",
                });
                var end = await RunCommand.FollowAsync(node.Client, searchId, output, cancellationToken);
                if (end is not SearchFinished)
                {
                    await error.WriteLineAsync(end is SearchError failed
                        ? $"error: {failed.Reason}"
                        : $"error: search {searchId} ended unexpectedly ({end?.Descriptor.Name ?? "no answer"})");
                    return ExitCodes.Failure;
                }
                runs.Add(new SeedTrials(seed, await node.Client.TrialsAsync(searchId, QueryTimeout, cancellationToken)));
            }
        }
        return await WriteAsync(BenchmarkTableBuilder.Build(space, compiled.Problem.CostModel, runs), options.OutputPath, output, error);
    }

    /// <summary>
    /// The searches that build the table: the spec as an exhaustive grid (no target, no trial budget, so every
    /// architecture is trained), once, or once per training seed with the trainer's seed set to it.
    /// </summary>
    public static List<(long? Seed, SearchSpec Spec)> Searches(SearchSpec spec, IReadOnlyList<long>? seeds)
    {
        BenchmarkTableBuilder.CheckOptionNames(spec);
        var exhaustive = spec.Clone();
        exhaustive.Strategy = new Strategy { Grid = new GridSettings() };
        exhaustive.Target = null;
        exhaustive.Targets.Clear();
        if (seeds is null)
        {
            return [(null, exhaustive)];
        }
        return [.. seeds.Select(seed => ((long?)seed, WithSeed(exhaustive, seed)))];
    }

    private static SearchSpec WithSeed(SearchSpec spec, long seed)
    {
        var seeded = spec.Clone();
        switch (seeded.Trainer?.KindCase)
        {
            case Trainer.KindOneofCase.Process:
                seeded.Trainer.Process.Settings["seed"] = seed.ToString(CultureInfo.InvariantCulture);
                break;
            case Trainer.KindOneofCase.Synthetic:
                seeded.Trainer.Synthetic.Seed = (ulong)seed;
                break;
            default:
                throw new UsageException("option --seeds needs a process or synthetic trainer, whose training seed it sets");
        }
        return seeded;
    }

    private static async Task<int> WriteAsync(BuiltTable table, string path, TextWriter output, TextWriter error)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }
            await File.WriteAllTextAsync(path, table.Csv);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot write the table: {e.Message}");
            return ExitCodes.Failure;
        }
        await output.WriteLineAsync($"table: {Count(table.Rows)} rows written to {path}");
        if (table.Missing.Count == 0)
        {
            return ExitCodes.Ok;
        }
        var shown = string.Join("; ", table.Missing.Take(3)) + (table.Missing.Count > 3 ? "; …" : "");
        await error.WriteLineAsync($"error: {Count(table.Missing.Count)} rows are missing because their training failed: {shown}");
        return ExitCodes.Failure;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
