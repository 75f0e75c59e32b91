using LayerNas.Cli.Bench;
using LayerNas.Cli.CommandLine;
using LayerNas.Cli.Tests.Specs;

namespace LayerNas.Cli.Tests.Bench;

public sealed class BenchCompareCommandTests : IDisposable
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "examples");
    private static readonly string TableSpec = Path.Combine(Examples, "cnn-table.json");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await LayernasCommandLine.InvokeAsync(["bench", "compare", .. args], stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task A_small_run_writes_the_csv_and_a_png_and_prints_a_table_per_budget()
    {
        var output = Path.Combine(_folder.Path, "out");

        var (code, stdout, stderr) = await Run(TableSpec, "--runs", "5", "--budgets", "10,20", "--output-dir", output);

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        var lines = File.ReadAllLines(Path.Combine(output, "compare.csv"));
        Assert.Equal(
            "budget,strategy,runs,mean_trials,answered,mean_test_acc,p25_test_acc,median_test_acc,p75_test_acc,optimum_test_acc,reached_optimum,median_trials_to_optimum",
            lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(
            ["10,layernas", "10,random", "10,evolution", "10,reinforce", "10,ppo", "20,layernas", "20,random", "20,evolution", "20,reinforce", "20,ppo"],
            rows.Select(r => $"{r[0]},{r[1]}"));
        Assert.All(rows, r => Assert.Equal(r[1] == "layernas" ? "1" : "5", r[2]));
        Assert.All(rows, r => Assert.Equal("90.61", r[9]));
        Assert.All(rows, r => Assert.InRange(double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture), 1, double.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)));
        var png = File.ReadAllBytes(Path.Combine(output, "compare.png"));
        Assert.True(png.Length > 1000, $"{png.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Contains("budget 10 trials", stdout);
        Assert.Contains("budget 20 trials", stdout);
        Assert.Contains("true constrained optimum: 8:24:24:32", stdout);
        Assert.Contains("layernas takes no seed and the table holds one training seed per architecture", stdout);
        Assert.Contains($"wrote {Path.Combine(output, "compare.csv")}", stdout);
    }

    [Fact]
    public async Task Without_options_it_compares_LayerNas_and_the_four_baselines_at_the_default_budgets_into_the_current_folder()
    {
        var arguments = CompareArguments.From(LayernasCommandLine.Parse(["bench", "compare", "spec.json"]));

        Assert.Equal(("spec.json", 100, "."), (arguments.SpecPath, arguments.Runs, arguments.OutputDir));
        Assert.Equal([25L, 50, 100, 200, 400], arguments.Budgets);
        Assert.Equal(["layernas", "random", "evolution", "reinforce", "ppo"], arguments.Strategies);
        var (code, stdout, _) = await Run("--help");
        Assert.Equal(0, code);
        Assert.StartsWith("usage: layernas bench compare SPEC", stdout);
    }

    [Theory]
    [InlineData(new string[0], "error: missing the spec file (see layernas bench compare --help)")]
    [InlineData(new[] { "{missing}" }, "error: spec file not found: {missing}")]
    [InlineData(new[] { "{burger}" }, "error: $.trainer: a comparison needs a table-backed spec: the trainer is synthetic, not tabular")]
    [InlineData(new[] { "{table}", "--budgets", "25,abc" }, "error: --budgets must list whole numbers of trials of at least 1 separated by commas, not '25,abc'")]
    [InlineData(new[] { "{table}", "--budgets", "0" }, "error: --budgets must list whole numbers of trials of at least 1 separated by commas, not '0'")]
    [InlineData(new[] { "{table}", "--budgets", "25,25" }, "error: --budgets lists 25 twice")]
    [InlineData(new[] { "{table}", "--budgets=" }, "error: option --budgets needs a value")]
    [InlineData(new[] { "{table}", "--strategies", "layernas,hillclimb" }, "error: --strategies: unknown strategy 'hillclimb' (expected one of: layernas, random, evolution, reinforce, grid, ppo)")]
    [InlineData(new[] { "{table}", "--strategies", "random,random" }, "error: --strategies lists 'random' twice")]
    [InlineData(new[] { "{table}", "--runs", "0" }, "error: --runs must be a whole number of at least 1, not '0'")]
    [InlineData(new[] { "{table}", "--runs", "-3" }, "error: --runs must be a whole number of at least 1, not '-3'")]
    [InlineData(new[] { "{table}", "--runs" }, "error: option --runs needs a value")]
    [InlineData(new[] { "{table}", "--runs", "5", "--runs", "6" }, "error: --runs is given twice")]
    [InlineData(new[] { "{table}", "--seeds", "5" }, "error: unknown option '--seeds' (expected one of: --runs, --budgets, --strategies, --output-dir)")]
    [InlineData(new[] { "{table}", "{burger}" }, "error: unexpected argument '{burger}': give one spec file")]
    public async Task Bad_input_is_one_line_on_stderr_and_exit_code_2(string[] args, string expected)
    {
        string Fill(string text) => text
            .Replace("{missing}", Path.Combine(_folder.Path, "nope.json"))
            .Replace("{burger}", Path.Combine(Examples, "burger.json"))
            .Replace("{table}", TableSpec);

        var (code, stdout, stderr) = await Run([.. args.Select(Fill)]);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(Fill(expected), line);
    }

    [Fact]
    public async Task A_table_spec_whose_table_is_missing_is_named()
    {
        var spec = File.ReadAllText(TableSpec).Replace("tables/cnn4x4.csv", "tables/gone.csv");
        var path = _folder.Write("cnn.json", spec);

        var (code, _, stderr) = await Run(path, "--runs", "1", "--budgets", "5", "--output-dir", _folder.Path);

        Assert.Equal(2, code);
        Assert.Equal($"error: $.trainer.tabular: table file not found: {Path.Combine(_folder.Path, "tables", "gone.csv")}", stderr.TrimEnd());
    }

    [Fact]
    public async Task An_output_folder_that_cannot_be_made_is_refused_before_any_work()
    {
        var blocker = _folder.Write("blocker", "a file, not a folder");

        var (code, stdout, stderr) = await Run(TableSpec, "--runs", "1", "--budgets", "5", "--output-dir", Path.Combine(blocker, "out"));

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: --output-dir {Path.Combine(blocker, "out")}: cannot create the folder:", stderr);
    }
}
