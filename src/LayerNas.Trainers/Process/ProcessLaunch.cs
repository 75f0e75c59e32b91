namespace LayerNas.Trainers;

/// <summary>How a worker slot starts process trainers: what it may run, where their per-trial logs go, and which slot it is.</summary>
public sealed record ProcessLaunch(TrainerRegistry Registry, string LogsDirectory, TrainerSlot Slot)
{
    /// <summary>The first slot of a node that runs whatever command a spec gives, from the working directory, as <c>layernas run</c> does.</summary>
    public static ProcessLaunch Trusted(string logsDirectory) =>
        new(TrainerRegistry.TrustedCommands(Directory.GetCurrentDirectory()), logsDirectory, TrainerSlot.First);
}
