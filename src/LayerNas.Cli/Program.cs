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
        [] or ["--help" or "-h" or "help"] => Usage(Console.Out, ExitCodes.Ok),
        [var command, ..] => throw new UsageException($"unknown command '{command}'"),
    };
}
catch (Exception e) when (e is UsageException or SpecException or TrainerException or SearchRejectedException)
{
    Console.Error.WriteLine(e is UsageException ? $"error: {e.Message} (see layernas run --help)" : $"error: {e.Message}");
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
    writer.WriteLine(RunOptions.Usage);
    return exitCode;
}
