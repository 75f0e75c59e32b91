using LayerNas.Trainers;

namespace LayerNas.Cli.CommandLine;

/// <summary>Reads the process trainers an operator registers (<c>--trainer NAME=COMMAND</c> of <c>node</c> and <c>run</c>).</summary>
internal static class TrainerRegistrations
{
    /// <summary>The help text of the setting.</summary>
    public const string Description =
        "a process trainer specs may run by its name (trainer.process.name): " + RegisteredTrainer.Syntax +
        ", words split as a shell would; {slot} and {gpu} stand for the slot's index and GPU; repeat it for several";

    /// <summary>Parses one registration per entry (blank entries skipped); throws <see cref="UsageException"/> starting with <paramref name="setting"/>.</summary>
    public static IReadOnlyList<RegisteredTrainer> Parse(IEnumerable<string> registrations, string setting)
    {
        var trainers = new List<RegisteredTrainer>();
        foreach (var registration in registrations.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            RegisteredTrainer trainer;
            try
            {
                trainer = RegisteredTrainer.Parse(registration.Trim());
            }
            catch (FormatException e)
            {
                throw new UsageException($"{setting}: {e.Message}");
            }
            if (trainers.Any(t => t.Name == trainer.Name))
            {
                throw new UsageException($"{setting}: trainer '{trainer.Name}' is registered twice");
            }
            trainers.Add(trainer);
        }
        return trainers;
    }
}
