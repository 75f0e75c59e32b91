using System.Diagnostics;
using System.Globalization;
using LayerNas.Cluster.Searches;
using LayerNas.Protocol.V1;
using LayerNas.RecoveryBench;

// A grid search over 6 layers × 7 options (117,649 architectures) trained by the synthetic trainer at no cost on an
// in-process node with two slots; once the target number of trials has settled, and while the search goes on
// training, the questions the dashboard's search page asks its ledger through the search manager, each timed over
// several runs: the trial table's first page, the same page sorted by reward, a filter, and every chart point.
var target = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
const int Runs = 7;
const int PageSize = 25;
// Generous: the first answer waits for the node to form its cluster and start the manager singleton.
var timeout = TimeSpan.FromMinutes(5);
var spec = GridSpec.Create("trial-table");
var folder = Directory.CreateTempSubdirectory("layernas-trial-table-").FullName;
try
{
    await using var node = await BenchNode.StartAsync(Path.Combine(folder, "journal.db"), new SearchManagerSettings(), slots: 2);
    await node.Client.SubmitAsync("trial-table", spec, timeout);
    long trained;
    while ((trained = (await node.Client.GetAsync("trial-table", timeout))!.Progress?.TrialsTrained ?? 0) < target)
    {
        await Task.Delay(200);
    }
    Console.WriteLine($"search: grid over 6 layers x 7 options, {trained:N0} trials settled and still training; median and slowest of {Runs} runs");
    Console.WriteLine();
    Console.WriteLine("| question | rows | median | slowest |");
    Console.WriteLine("|---|---:|---:|---:|");
    var page = new QueryTrials { SearchId = "trial-table", Limit = PageSize };
    await Report("trial table, first page (by number)", () => Rows(node.Client.QueryTrialsAsync(page, timeout)));
    await Report("sorted by reward, best first", () => Rows(node.Client.QueryTrialsAsync(new QueryTrials(page) { Sort = TrialSort.Reward, Descending = true }, timeout)));
    await Report("sorted by cost, page 2,000", () => Rows(node.Client.QueryTrialsAsync(new QueryTrials(page) { Sort = TrialSort.Cost, Offset = 2_000 * PageSize }, timeout)));
    await Report("filtered by text \"o6\", first page", () => Rows(node.Client.QueryTrialsAsync(new QueryTrials(page) { Text = "o6" }, timeout)));
    await Report("every chart point", async () =>
    {
        var (offset, points) = (0, 0);
        SearchTrialPoints answer;
        do
        {
            answer = await node.Client.TrialPointsAsync("trial-table", offset, timeout);
            points += answer.TrialNumbers.Count;
            offset = answer.NextOffset;
        }
        while (answer.NextOffset < answer.Total);
        return points;
    });
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

static async Task<int> Rows(Task<SearchTrials> answer) => (await answer).Trials.Count;

static async Task Report(string question, Func<Task<int>> ask)
{
    var rows = await ask();
    var times = new List<double>();
    for (var run = 0; run < Runs; run++)
    {
        var clock = Stopwatch.StartNew();
        rows = await ask();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {question} | {rows:N0} | {times[Runs / 2]:0.0} ms | {times[^1]:0.0} ms |"));
}
