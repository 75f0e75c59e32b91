using System.CommandLine;
using System.CommandLine.Help;
using LayerNas.Cli.Bench;
using LayerNas.Cli.Client;
using LayerNas.Cli.Node;
using LayerNas.Cli.Run;
using LayerNas.Cluster.Client;
using LayerNas.Cluster.Hosting;
using LayerNas.Core.Specs;
using LayerNas.Trainers;

namespace LayerNas.Cli.CommandLine;

/// <summary>
/// The <c>layernas</c> command line: its commands, and how a command line becomes an exit code.
/// </summary>
/// <remarks>
/// Built on System.CommandLine rather than Spectre.Console.Cli: commands, arguments and options are plain objects whose
/// typed values each command reads back from the parse result, custom parsers and validators report problems through
/// that result instead of exceptions printed by the library, so every refusal stays one line in layernas's words, and
/// the shell completes commands, options and values through its <c>[suggest]</c> directive and dotnet-suggest, which
/// Spectre.Console.Cli does not offer. Spectre.Console still draws the progress bars.
/// </remarks>
public static class LayernasCommandLine
{
    // Response files stay off: a spec path that starts with '@' means that path.
    private static readonly ParserConfiguration Syntax = new() { ResponseFileTokenReplacer = null };

    private static readonly RootCommand Root = Build();

    /// <summary>
    /// Runs a command line and returns its exit code. Bad usage, a bad spec, a database that cannot be used or a refused search prints one line on
    /// <paramref name="errors"/> and returns <see cref="ExitCodes.BadInput"/>, nothing having run; any other failure
    /// prints one line and returns <see cref="ExitCodes.Failure"/>.
    /// </summary>
    public static async Task<int> InvokeAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken stop)
    {
        var result = Root.Parse(args, Syntax);
        try
        {
            ThrowIfRefused(result);
            return await result.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = errors,
                EnableDefaultExceptionHandler = false,
                // Signals stay with the caller: a node stopping gracefully takes as long as its slots need to hand back their trials.
                ProcessTerminationTimeout = null,
            }, stop);
        }
        catch (UsageException e)
        {
            errors.WriteLine($"error: {e.Message} (see {UsageProblem.Path(result.CommandResult.Command)} --help)");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is SpecException or TrainerException or SearchRejectedException or StorageUnavailableException)
        {
            errors.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            errors.WriteLine("interrupted: run the same command again to resume the search");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            errors.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Parses a command line without running it; throws <see cref="UsageException"/> naming its first problem.</summary>
    public static ParseResult Parse(IReadOnlyList<string> args)
    {
        var result = Root.Parse(args, Syntax);
        ThrowIfRefused(result);
        return result;
    }

    private static void ThrowIfRefused(ParseResult result)
    {
        if (UsageProblem.Of(result) is { } problem)
        {
            throw new UsageException(problem);
        }
    }

    private static RootCommand Build()
    {
        var root = new RootCommand("LayerNAS neural-architecture search, embedded or on a cluster");
        var helpOption = root.Options.OfType<HelpOption>().Single();
        helpOption.Action = new CommandHelp();
        helpOption.Description = "show this help";
        root.Options.OfType<VersionOption>().Single().Description = "show the version of layernas";
        root.SetAction(result => CommandHelp.Write(root, Output(result)));

        var run = RunOptions.Command();
        run.SetAction((result, stop) => RunCommand.RunAsync(RunOptions.From(result), Output(result), stop));
        root.Subcommands.Add(run);

        var node = NodeConfiguration.Command();
        node.SetAction((result, stop) =>
        {
            var loaded = NodeConfiguration.Load(result);
            return NodeCommand.RunAsync(NodeSettings.From(loaded.Options, loaded.FromCommandLine), Output(result), stop);
        });
        root.Subcommands.Add(node);

        foreach (var client in ClientOptions.Commands())
        {
            client.SetAction((result, stop) => ClientCommand.RunAsync(ClientOptions.From(result, Environment.GetEnvironmentVariable), Output(result), Error(result), stop));
            root.Subcommands.Add(client);
        }

        var build = BenchBuildOptions.Command();
        build.SetAction((result, stop) => BenchBuildCommand.RunAsync(BenchBuildOptions.From(result), Output(result), Error(result), stop));
        var compare = CompareArguments.Command();
        compare.SetAction(result => BenchCompareCommand.RunAsync(CompareArguments.From(result), Output(result), Error(result)));
        root.Subcommands.Add(new Command("bench", "build a benchmark table, or compare LayerNAS with its baselines on one") { build, compare });

        // `layernas help` has always shown the overview; it stays out of the command list.
        var help = new Command("help", "show this overview") { Hidden = true };
        help.SetAction(result => CommandHelp.Write(root, Output(result)));
        root.Subcommands.Add(help);
        return root;
    }

    private static TextWriter Output(ParseResult result) => result.InvocationConfiguration.Output;

    private static TextWriter Error(ParseResult result) => result.InvocationConfiguration.Error;
}
