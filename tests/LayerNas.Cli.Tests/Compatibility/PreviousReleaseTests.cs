using System.Text.Json.Nodes;
using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster.Tests.Support;

namespace LayerNas.Cli.Tests.Compatibility;

/// <summary>A database kept from the previous release (see previous-release/README.md) still answers and resumes, meaning what it meant then.</summary>
public sealed class PreviousReleaseTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Compatibility", "previous-release");

    [Fact]
    public async Task A_search_in_progress_resumes_as_that_release_would_have_finished_it_and_a_finished_one_answers_unchanged()
    {
        using var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(Fixture))
        {
            File.Copy(file, folder.File(Path.GetFileName(file)));
        }
        var database = folder.File("previous-release.db");
        // What that release would have answered: the same spec searched as it read it, on a database of its own.
        var explicitSpec = JsonNode.Parse(File.ReadAllText(folder.File("slow-burger.json")))!;
        explicitSpec["strategy"]!["layernas"]!["completion"] = "most-expensive";
        explicitSpec["strategy"]!["layernas"]!["scheduling"] = "barrier";
        File.WriteAllText(folder.File("explicit.json"), explicitSpec.ToJsonString());
        var reference = await Layernas.RunAsync(folder.Path, "run", "explicit.json", "--workers", "4", "--db", folder.File("reference.db"), "--output", "reference.json");
        Assert.True(reference.ExitCode == 0, reference.Stderr);
        var before = JournalReader.Completed(database, "s-d75b431f60f3");

        var resumed = await Layernas.RunAsync(folder.Path, "run", "slow-burger.json", "--workers", "4", "--db", database, "--output", "resumed.json");
        var finished = await Layernas.RunAsync(folder.Path, "run", "burger.json", "--db", database);

        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("search s-d75b431f60f3 (slow-burger) resumes from", resumed.Stdout);
        Assert.Equal(Result(folder.File("reference.json")), Result(folder.File("resumed.json")));
        var after = JournalReader.Completed(database, "s-d75b431f60f3");
        Assert.Equal(8, before.Count);
        Assert.Equal(after.Count, after.Select(c => c.TrialNumber).Distinct().Count());
        Assert.Equal(before.Select(c => (c.TrialNumber, c.Reward)), after.Take(8).Select(c => (c.TrialNumber, c.Reward)));
        Assert.True(finished.ExitCode == 0, finished.Stderr);
        Assert.Contains("finished before; answering from", finished.Stdout);
        Assert.Contains("trials: 22 trained, 0 failed, 6 cached", finished.Stdout);
    }

    /// <summary>A result as JSON without its search id, which names the spec file's exact content.</summary>
    private static string Result(string path)
    {
        var result = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        result.Remove("searchId");
        return result.ToJsonString();
    }
}
