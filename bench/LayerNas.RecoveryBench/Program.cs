using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using LayerNas.Cluster.Searches;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Core.Ledger;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;
using LayerNas.RecoveryBench;
using Microsoft.Data.Sqlite;

// A grid search over 6 layers × 7 options (117,649 architectures) trained by the synthetic trainer at no cost, stopped
// once the target number of trials has settled; then, once with snapshots off and once with the defaults: how long a
// restarted coordinator takes to answer for the search, what the journal keeps, the ledger's memory, and listing
// every trial; and the dashboard's trial table on it: its first page, and the first page sorted by reward.
var target = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var spec = new SearchSpec
{
    Name = "recovery",
    Cost = new CostModel { Additive = new AdditiveCost() },
    Strategy = new Strategy { Grid = new GridSettings() },
    Trainer = new Trainer { Synthetic = new SyntheticTrainer { Seed = 1 } },
};
for (var layer = 0; layer < 6; layer++)
{
    spec.Layers.Add(new Layer { Name = $"l{layer}", Options = { Enumerable.Range(0, 7).Select(o => new LayerOption { Name = $"o{o}", Cost = o + 1 }) } });
}
var folder = Directory.CreateTempSubdirectory("layernas-recovery-").FullName;
try
{
    Console.WriteLine($"search: grid over 6 layers x 7 options, stopped at {target:N0} settled trials");
    Console.WriteLine();
    Console.WriteLine("| journal | trials | journal bytes | snapshot bytes | restart to first answer | of which an empty node | ledger memory | list every trial | trial table: first page | sorted by reward |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var (label, settings) in new[]
    {
        ("events only", new SearchManagerSettings { SnapshotEvery = int.MaxValue }),
        ("with snapshots", new SearchManagerSettings()),
    })
    {
        var database = Path.Combine(folder, $"{label.Replace(' ', '-')}.db");
        var trials = await TrainAsync(database, spec, settings, target);
        var (journalBytes, snapshotBytes) = Bytes(database);
        var empty = await FirstAnswerAsync(Path.Combine(folder, $"empty-{label.Replace(' ', '-')}.db"), settings, "none");
        var restart = await FirstAnswerAsync(database, settings, "recovery");
        var (memory, listing, page, sorted) = await LedgerAsync(database, spec, settings);
        Console.WriteLine($"| {label} | {trials:N0} | {journalBytes:N0} | {snapshotBytes:N0} | {restart.TotalSeconds:0.00} s | {empty.TotalSeconds:0.00} s | {memory / 1_048_576.0:0.0} MiB | {listing.TotalSeconds:0.00} s | {page.TotalMilliseconds:0} ms | {sorted.TotalMilliseconds:0} ms |");
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

static async Task<long> TrainAsync(string database, SearchSpec spec, SearchManagerSettings settings, int target)
{
    await using var node = await BenchNode.StartAsync(database, settings, slots: 2);
    await node.Client.SubmitAsync("recovery", spec, TimeSpan.FromSeconds(60));
    while (true)
    {
        var status = await node.Client.GetAsync("recovery", TimeSpan.FromSeconds(60));
        if (status!.Progress is { } progress && progress.TrialsTrained >= target)
        {
            return progress.TrialsTrained;
        }
        await Task.Delay(200);
    }
}

static (long Journal, long Snapshot) Bytes(string database)
{
    using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = """
        SELECT (SELECT COALESCE(SUM(LENGTH(message)), 0) FROM journal WHERE persistence_id = 'search-recovery' AND deleted = 0),
               (SELECT COALESCE(SUM(LENGTH(snapshot)), 0) FROM snapshot WHERE persistence_id = 'search-recovery')
        """;
    using var reader = command.ExecuteReader();
    reader.Read();
    return (reader.GetInt64(0), reader.GetInt64(1));
}

// From starting a coordinator node on the database until the search answers (the manager starts its coordinator
// at once, which recovers the search before its first answer).
static async Task<TimeSpan> FirstAnswerAsync(string database, SearchManagerSettings settings, string searchId)
{
    var clock = Stopwatch.StartNew();
    await using var node = await BenchNode.StartAsync(database, settings, slots: 0);
    await node.Client.GetAsync(searchId, TimeSpan.FromMinutes(5));
    return clock.Elapsed;
}

// The ledger's memory, rebuilt in this process from what the journal keeps; listing every trial through a node; and
// the page of 25 trials the dashboard's trial table asks for, as it is, then sorted by reward (best first).
static async Task<(long Memory, TimeSpan Listing, TimeSpan Page, TimeSpan Sorted)> LedgerAsync(string database, SearchSpec spec, SearchManagerSettings settings)
{
    var events = JournalReader.Events(database, SearchCoordinator.PersistenceIdOf("recovery"));
    var search = SearchFactory.Compile(spec, (path, _) => throw new InvalidOperationException(path));
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var ledger = SearchLedger.Start("recovery", search);
    foreach (var @event in events)
    {
        ledger.Apply(@event);
    }
    var memory = GC.GetTotalMemory(forceFullCollection: true) - before;
    GC.KeepAlive(ledger);

    await using var node = await BenchNode.StartAsync(database, settings, slots: 0);
    await node.Client.GetAsync("recovery", TimeSpan.FromMinutes(5));
    var clock = Stopwatch.StartNew();
    var trials = await node.Client.TrialsAsync("recovery", TimeSpan.FromMinutes(5));
    var listing = clock.Elapsed;
    if (trials.Count != ledger.Trials.Count)
    {
        throw new InvalidOperationException($"listed {trials.Count} trials, the journal keeps {ledger.Trials.Count}");
    }
    clock.Restart();
    var page = await node.Client.QueryTrialsAsync(new QueryTrials { SearchId = "recovery", Limit = 25 }, TimeSpan.FromMinutes(1));
    var firstPage = clock.Elapsed;
    clock.Restart();
    var best = await node.Client.QueryTrialsAsync(new QueryTrials { SearchId = "recovery", Limit = 25, Sort = TrialSort.Reward, Descending = true }, TimeSpan.FromMinutes(1));
    var sorted = clock.Elapsed;
    if (page.Trials.Count != 25 || best.Trials.Count != 25 || best.Trials[0].Reward < best.Trials[^1].Reward)
    {
        throw new InvalidOperationException("the trial table's pages are not what was asked for");
    }
    return (memory, listing, firstPage, sorted);
}
