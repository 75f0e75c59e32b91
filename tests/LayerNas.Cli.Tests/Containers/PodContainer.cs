using System.Diagnostics;
using System.Globalization;

namespace LayerNas.Cli.Tests.Containers;

/// <summary>
/// A pod's container, running: started as <see cref="PodRun"/> says, probed for readiness as the kubelet does before
/// a Service sends it traffic, and watched with its liveness probe the whole time it is meant to run, so a pod the
/// kubelet would have restarted fails the test.
/// </summary>
internal sealed class PodContainer
{
    private readonly CancellationTokenSource _watching = new();
    private Task _livenessWatch = Task.CompletedTask;

    private PodContainer(PodRun run, string name)
    {
        Run = run;
        Name = name;
    }

    /// <summary>The pod it runs.</summary>
    public PodRun Run { get; }

    /// <summary>The container's name.</summary>
    public string Name { get; }

    /// <summary>The pod's address.</summary>
    public string Ip => Run.Pod.Ip;

    /// <summary>What the kubelet would have done about the container while it was meant to run: null, or why it would have restarted it.</summary>
    public string? Trouble { get; private set; }

    /// <summary>Starts the container and its liveness watch.</summary>
    public static async Task<PodContainer> StartAsync(PodRun run, string name, string image, string imageUser)
    {
        foreach (var folder in run.EmptyDirs)
        {
            // As the kubelet makes an emptyDir: writable by every user, whatever user the pod runs as.
            Directory.CreateDirectory(folder);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
            }
        }
        await Podman.CheckAsync([.. run.PodmanArguments(name, image, imageUser)]);
        var container = new PodContainer(run, name);
        container._livenessWatch = container.WatchLivenessAsync(container._watching.Token);
        return container;
    }

    /// <summary>Waits until the readiness probe succeeds; fails with the container's output if it exits first or the deadline passes.</summary>
    public async Task WaitReadyAsync(TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (Run.Readiness is { } probe && !await probe.SucceedsAsync(Ip))
        {
            if (await ExitCodeAsync() is { } exitCode)
            {
                Assert.Fail($"pod {Run.Pod.Name} exited with {exitCode} before its {probe} succeeded:\n{await LogsAsync()}");
            }
            Assert.True(DateTime.UtcNow < until, $"pod {Run.Pod.Name}: its {probe} did not succeed within {deadline}:\n{await LogsAsync()}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>Stops the container as the kubelet stops a pod (SIGTERM, then SIGKILL after the grace period); returns how long it took and the exit code.</summary>
    public async Task<(TimeSpan Elapsed, int ExitCode)> StopAsync()
    {
        await StopWatchingAsync();
        var clock = Stopwatch.StartNew();
        await Podman.CheckAsync("stop", Name);
        clock.Stop();
        return (clock.Elapsed, await ExitCodeAsync() ?? throw new InvalidOperationException($"pod {Run.Pod.Name} still runs after podman stop"));
    }

    /// <summary>Kills the container at once (SIGKILL), as when its machine is lost.</summary>
    public async Task KillAsync()
    {
        await StopWatchingAsync();
        await Podman.CheckAsync("kill", "--signal", "KILL", Name);
        await Podman.CheckAsync("wait", Name);
    }

    /// <summary>Everything the container wrote, standard output and error.</summary>
    public async Task<string> LogsAsync() => (await Podman.RunAsync("logs", Name)).Output;

    /// <summary>Removes the container, running or not.</summary>
    public async Task RemoveAsync()
    {
        await StopWatchingAsync();
        await Podman.RunAsync("rm", "--force", "--time", "0", Name);
    }

    private async Task<int?> ExitCodeAsync()
    {
        var state = (await Podman.CheckAsync("inspect", "--format", "{{.State.Running}} {{.State.ExitCode}}", Name)).Split(' ');
        return state[0] == "true" ? null : int.Parse(state[1], CultureInfo.InvariantCulture);
    }

    private async Task StopWatchingAsync()
    {
        await _watching.CancelAsync();
        await _livenessWatch;
    }

    private async Task WatchLivenessAsync(CancellationToken stop)
    {
        if (Run.Liveness is not { } probe)
        {
            return;
        }
        try
        {
            await Task.Delay(probe.InitialDelay, stop);
            var failures = 0;
            while (Trouble is null)
            {
                failures = await probe.SucceedsAsync(Ip) ? 0 : failures + 1;
                if (failures >= probe.FailureThreshold)
                {
                    Trouble = $"its {probe} failed {failures} times in a row, so the kubelet would have restarted it";
                }
                else if (!stop.IsCancellationRequested && await ExitCodeAsync() is { } exitCode)
                {
                    Trouble = $"it exited with {exitCode} while it was meant to run";
                }
                await Task.Delay(probe.Period, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }
    }
}
