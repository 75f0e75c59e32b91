using System.Runtime.InteropServices;
using LayerNas.Cli;
using LayerNas.Cli.Bench;
using LayerNas.Cli.Client;
using LayerNas.Cli.Node;
using LayerNas.Cli.Run;
using LayerNas.Cluster.Client;
using LayerNas.Core.Specs;
using LayerNas.Trainers;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

try
{
    return args switch
    {
        ["run", "--help" or "-h"] => Usage(Console.Out, ExitCodes.Ok),
        ["run", .. var rest] => await RunCommand.RunAsync(RunOptions.Parse(rest), Console.Out, stop.Token),
        ["node", .. var rest] => await NodeCommand.MainAsync(rest, Console.Out, Console.Error, stop.Token),
        [var command, .. var rest] when ClientOptions.Commands.Contains(command) => await ClientCommand.MainAsync(command, rest, Console.Out, Console.Error, stop.Token),
        ["bench", "compare", .. var rest] => await BenchCompareCommand.RunAsync(rest, Console.Out, Console.Error),
        ["bench", "build", .. var rest] => await BenchBuildCommand.RunAsync(rest, Console.Out, Console.Error, stop.Token),
        [] or ["--help" or "-h" or "help"] => Usage(Console.Out, ExitCodes.Ok),
        ["bench", .. var rest] => throw new UsageException(rest.Length == 0 ? "bench needs a subcommand: build or compare" : $"unknown command 'bench {rest[0]}'"),
        [var command, ..] => throw new UsageException($"unknown command '{command}'"),
    };
}
catch (Exception e) when (e is UsageException or SpecException or TrainerException or SearchRejectedException)
{
    var help = args is ["run", ..] ? "layernas run --help" : "layernas --help";
    Console.Error.WriteLine(e is UsageException ? $"error: {e.Message} (see {help})" : $"error: {e.Message}");
    return ExitCodes.BadInput;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("interrupted: run the same command again to resume the search");
    return ExitCodes.Failure;
}
catch (Exception e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return ExitCodes.Failure;
}

static int Usage(TextWriter writer, int exitCode)
{
    writer.WriteLine("layernas: LayerNAS neural-architecture search, embedded or on a cluster");
    writer.WriteLine();
    writer.WriteLine("  run        search on this machine (one process, SQLite)");
    writer.WriteLine("  node       start a coordinator or worker node of a cluster");
    writer.WriteLine("  submit, status, watch, result, cancel, list");
    writer.WriteLine("             talk to a cluster's coordinator");
    writer.WriteLine("  bench      build a benchmark table, or compare LayerNAS with its baselines on one");
    writer.WriteLine();
    writer.WriteLine(RunOptions.Usage);
    writer.WriteLine(NodeSettings.Usage);
    writer.WriteLine(ClientOptions.Usage);
    writer.WriteLine(BenchBuildOptions.Usage);
    writer.WriteLine(CompareArguments.Usage);
    return exitCode;
}
