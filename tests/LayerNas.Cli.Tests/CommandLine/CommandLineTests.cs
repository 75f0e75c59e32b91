using System.CommandLine;
using LayerNas.Cli.Client;
using LayerNas.Cli.CommandLine;
using LayerNas.Cli.Run;
using LayerNas.Cli.Tests.Specs;
using LayerNas.Cli.Tests.Support;

namespace LayerNas.Cli.Tests.CommandLine;

public sealed class CommandLineTests
{
    public static TheoryData<string, string[]> EveryCommand => new()
    {
        { "", ["run", "node", "submit", "status", "watch", "cancel", "result", "list", "bench", "--version"] },
        { "run", ["SPEC", "--workers <N>", "[default: 1]", "--db <PATH|POSTGRESQL>", "[default: layernas.db]", "--output <RESULT.json>", "--strategy <NAME>", "--seed <S>", "--max-trials <N>"] },
        { "node", ["--role <coordinator|worker|both>", "[env: LAYERNAS_ROLE]", "--host <H>", "--port <P>", "--public-host <H>", "--seed <akka.tcp://layernas@H:P>", "repeat it", "--slots <N>", "--api <http://IP:PORT>", "--db <SQLITE-FILE|POSTGRESQL>", "--token <T>", "--logs <DIR>", "--stable-after <SECONDS>", "--lease-grace <SECONDS>", "[env: LAYERNAS_LEASE_GRACE]", "appsettings.json"] },
        { "submit", ["SPEC", "--watch", "--output <RESULT.json>", "--strategy <NAME>", "--seed <S>", "--max-trials <N>", "--server <URL>", "$LAYERNAS_SERVER", "--token <T>", "$LAYERNAS_TOKEN"] },
        { "status", ["ID", "--server <URL>", "--token <T>"] },
        { "watch", ["ID", "--output <RESULT.json>", "--server <URL>", "--token <T>"] },
        { "cancel", ["ID", "--reason <TEXT>", "--server <URL>", "--token <T>"] },
        { "result", ["ID", "--output <RESULT.json>", "--server <URL>", "--token <T>"] },
        { "list", ["--server <URL>", "--token <T>"] },
        { "bench", ["build", "compare"] },
        { "bench build", ["SPEC", "--output <TABLE.csv> (REQUIRED)", "--workers <N>", "--db <PATH>", "--seeds <1,2,...>"] },
        { "bench compare", ["SPEC", "--runs <N>", "[default: 100]", "--budgets <N,N,...>", "[default: 25,50,100,200,400]", "--strategies <NAME,...>", "--output-dir <DIR>"] },
    };

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public async Task Every_command_has_help_that_opens_with_its_synopsis_and_names_every_option(string command, string[] expected)
    {
        string[] words = [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

        var help = await InvokeAsync([.. words, "--help"]);
        var shortHelp = await InvokeAsync([.. words, "-h"]);

        Assert.Equal((0, ""), (help.ExitCode, help.Stderr));
        Assert.StartsWith($"usage: layernas {command}".TrimEnd(), help.Stdout);
        Assert.All(expected, text => Assert.Contains(text, help.Stdout));
        Assert.Contains("-h, --help", help.Stdout);
        Assert.DoesNotContain("Usage:", help.Stdout);
        Assert.Equal(help, shortHelp);
    }

    [Fact]
    public void The_help_test_covers_every_command()
    {
        static IEnumerable<string> Paths(Command command, string prefix) => command.Subcommands
            .Where(c => !c.Hidden)
            .SelectMany(c => Paths(c, $"{prefix}{c.Name} ").Prepend($"{prefix}{c.Name}"));

        var root = LayernasCommandLine.Parse([]).RootCommandResult.Command;

        Assert.Equal(Paths(root, "").Prepend("").Order(), EveryCommand.Select(row => (string)row[0]).Order());
    }

    [Fact]
    public async Task Without_a_command_or_with_help_it_shows_the_overview()
    {
        var overview = await InvokeAsync(["--help"]);

        Assert.Equal(overview, await InvokeAsync([]));
        Assert.Equal(overview, await InvokeAsync(["help"]));
        Assert.StartsWith("usage: layernas COMMAND [options]", overview.Stdout);
    }

    [Fact]
    public async Task Version_prints_the_version_of_layernas()
    {
        using var folder = new TempFolder();

        var version = await Layernas.RunAsync(folder.Path, "--version");

        Assert.Equal((0, ""), (version.ExitCode, version.Stderr));
        var line = Assert.Single(version.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^\d+\.\d+\.\d+", line);
    }

    public static TheoryData<string[], string> RefusedUsages => new()
    {
        { ["run", "BURGER", "--workers", "5000"], "error: option --workers needs a whole number from 1 to 4096, not '5000' (see layernas run --help)" },
        { ["run", "--frob", "BURGER"], "error: unknown option --frob (see layernas run --help)" },
        { ["run", "BURGER", "other.json"], "error: unexpected argument 'other.json': give one spec file (see layernas run --help)" },
        { ["run", "BURGER", "--max-trials=0"], "error: option --max-trials needs a whole number from 1 to 9223372036854775807, not '0' (see layernas run --help)" },
        { ["--frob"], "error: unknown option --frob (see layernas --help)" },
        { ["status"], "error: missing the search id (see layernas status --help)" },
        { ["status", "s-000000000000", "--watch"], "error: unknown option --watch (see layernas status --help)" },
        { ["cancel", "s-000000000000", "--reason"], "error: option --reason needs a value (see layernas cancel --help)" },
        { ["submit", "BURGER", "--server", "ftp://example"], "error: --server 'ftp://example' is not a URL like http://127.0.0.1:50051 (see layernas submit --help)" },
        { ["list", "everything"], "error: unexpected argument 'everything' (see layernas list --help)" },
        { ["node", "--slots"], "error: option --slots needs a value (see layernas node --help)" },
        { ["node", "--role", "worker", "--seed", "akka.tcp://layernas@127.0.0.1:4053", "--api", "http://127.0.0.1:50052"], "error: option --api applies to nodes with the coordinator role only (see layernas node --help)" },
        { ["bench"], "error: bench needs a subcommand: build or compare (see layernas bench --help)" },
        { ["bench", "build", "BURGER", "--output", "t.csv", "--seeds="], "error: option --seeds needs a value (see layernas bench build --help)" },
    };

    [Theory]
    [MemberData(nameof(RefusedUsages))]
    public async Task Bad_usage_exits_2_with_one_line_naming_the_problem_and_where_help_is(string[] args, string expected)
    {
        var outcome = await InvokeAsync([.. args.Select(a => a == "BURGER" ? Examples.Path("burger.json") : a)]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal(expected, Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Bad_usage_of_the_built_command_exits_2_with_one_line_and_nothing_on_stdout()
    {
        using var folder = new TempFolder();

        var outcome = await Layernas.RunAsync(folder.Path, "watch", "s-000000000000", "--output");

        Layernas.AssertRefused(outcome, "error: option --output needs a value (see layernas watch --help)", folder.Path);
    }

    [Fact]
    public void Run_options_take_their_defaults_and_the_last_value_of_a_repeated_option()
    {
        var defaults = RunOptions.From(LayernasCommandLine.Parse(["run", "spec.json"]));
        var repeated = RunOptions.From(LayernasCommandLine.Parse(["run", "spec.json", "--workers", "3", "--workers=2", "--seed", "7", "--db", "other.db"]));

        Assert.Equal(("spec.json", 1, Path.GetFullPath("layernas.db"), null, null, null, null),
            (defaults.SpecPath, defaults.Workers, defaults.Storage.Describe(), defaults.OutputPath, defaults.Strategy, defaults.Seed, defaults.MaxTrials));
        Assert.Equal((2, 7UL, Path.GetFullPath("other.db")), (repeated.Workers, repeated.Seed, repeated.Storage.Describe()));
    }

    [Fact]
    public void Client_options_fall_back_on_the_environment_and_an_output_file_means_waiting()
    {
        var environment = new Dictionary<string, string?> { ["LAYERNAS_SERVER"] = "http://10.0.0.5:50051", ["LAYERNAS_TOKEN"] = "from-env" };

        var watch = ClientOptions.From(LayernasCommandLine.Parse(["watch", "s-000000000000", "--output", "r.json"]), name => environment.GetValueOrDefault(name));
        var list = ClientOptions.From(LayernasCommandLine.Parse(["list", "--server", "http://127.0.0.1:1", "--token", "given"]), name => environment.GetValueOrDefault(name));

        Assert.Equal(("watch", "s-000000000000", "http://10.0.0.5:50051", "from-env", true, "r.json"), (watch.Command, watch.Target, watch.Server, watch.Token, watch.Watch, watch.OutputPath));
        Assert.Equal(("list", null, "http://127.0.0.1:1", "given", false), (list.Command, list.Target, list.Server, list.Token, list.Watch));
    }

    private static async Task<Layernas.Outcome> InvokeAsync(string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exitCode = await LayernasCommandLine.InvokeAsync(args, output, errors, CancellationToken.None);
        return new Layernas.Outcome(exitCode, output.ToString(), errors.ToString());
    }
}
