using System.Runtime.InteropServices;
using LayerNas.Cli.CommandLine;

// Not disposed: a signal may still arrive while the process exits, and cancelling a disposed source would throw.
var stop = new CancellationTokenSource();
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

return await LayernasCommandLine.InvokeAsync(args, Console.Out, Console.Error, stop.Token);
