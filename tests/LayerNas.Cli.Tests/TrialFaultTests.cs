using System.Text.Json;
using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster.Tests.Support;

namespace LayerNas.Cli.Tests;

[Collection(ProcessTests.Name)]
public sealed class TrialFaultTests
{
    [Fact]
    public async Task A_run_whose_trainer_crashes_hangs_or_answers_garbage_records_each_failure_with_its_reason_and_finishes()
    {
        using var folder = new TempFolder();
        var spec = FaultSpec.Write(folder.Path);

        var run = await Layernas.RunAsync(folder.Path, "run", spec, "--workers", "4", "--output", "result.json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("trials: 3 trained, 3 failed", run.Stdout);
        using var result = JsonDocument.Parse(File.ReadAllText(folder.File("result.json")));
        AssertFaultsRecorded(result.RootElement);
    }

    [Fact]
    public async Task A_search_on_a_coordinator_and_two_worker_processes_records_each_fault_with_its_reason_and_finishes()
    {
        using var folder = new TempFolder();
        var spec = FaultSpec.Write(folder.Path, byName: true);
        await using var cluster = await LocalCluster.StartAsync(workers: 2, workerArgs: FaultSpec.WorkerArgs);

        var submitted = await Layernas.RunAsync(folder.Path, "submit", spec, "--server", cluster.Api, "--watch", "--output", "result.json");

        Assert.True(submitted.ExitCode == 0, submitted.Stderr);
        Assert.Contains("trials: 3 trained, 3 failed", submitted.Stdout);
        using var result = JsonDocument.Parse(File.ReadAllText(folder.File("result.json")));
        AssertFaultsRecorded(result.RootElement);
    }

    /// <summary>The result of the fault spec: finished, the healthy architectures trained, each fault failed for good after its retries with its documented reason.</summary>
    internal static void AssertFaultsRecorded(JsonElement result)
    {
        Assert.Equal("finished", result.GetProperty("status").GetString());
        Assert.Equal("3", result.GetProperty("trialsFailed").GetString());
        Assert.Equal("3", result.GetProperty("trialsTrained").GetString());
        Assert.Equal("ok", result.GetProperty("best").GetProperty("architecture")[0].GetString());
        var failed = result.GetProperty("failedTrials").EnumerateArray()
            .ToDictionary(f => f.GetProperty("architecture")[0].GetString()!, f => (Reason: f.GetProperty("reason").GetString()!, Attempts: f.GetProperty("attempts").GetInt32()));
        Assert.Equal(FaultSpec.ReasonStarts.Keys.Order(), failed.Keys.Order());
        foreach (var (behaviour, reason) in FaultSpec.ReasonStarts)
        {
            Assert.StartsWith(reason, failed[behaviour].Reason);
            Assert.Equal(FaultSpec.MaxRetries + 1, failed[behaviour].Attempts);
        }
    }
}
