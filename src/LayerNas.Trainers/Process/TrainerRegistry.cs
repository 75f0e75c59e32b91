using ProcessTrainerSpec = LayerNas.Protocol.V1.ProcessTrainer;

namespace LayerNas.Trainers;

/// <summary>
/// Which process trainers a node runs: those its operator registered, by name, and the commands specs give only when
/// its clients are trusted with the node's machine (<c>layernas run</c>, or <c>--trust-clients</c>). Registered
/// trainers run in <see cref="WorkingDirectory"/>; every trainer process learns its slot (<see cref="TrainerSlot.SlotVariable"/>)
/// and, on a slot bound to a GPU, its GPU (<see cref="TrainerSlot.GpuVariable"/>).
/// </summary>
public sealed class TrainerRegistry
{
    private readonly Dictionary<string, RegisteredTrainer> _trainers;

    /// <summary>A registry of <paramref name="trainers"/> (names must differ) that runs spec commands when <paramref name="trustsSpecCommands"/>.</summary>
    public TrainerRegistry(IEnumerable<RegisteredTrainer> trainers, bool trustsSpecCommands, string workingDirectory)
    {
        _trainers = new Dictionary<string, RegisteredTrainer>(StringComparer.Ordinal);
        foreach (var trainer in trainers)
        {
            if (!_trainers.TryAdd(trainer.Name, trainer))
            {
                throw new ArgumentException($"trainer '{trainer.Name}' is registered twice", nameof(trainers));
            }
        }
        TrustsSpecCommands = trustsSpecCommands;
        WorkingDirectory = Path.GetFullPath(workingDirectory);
    }

    /// <summary>A registry with nothing registered that runs whatever command a spec gives, as <c>layernas run</c> does on its user's own machine.</summary>
    public static TrainerRegistry TrustedCommands(string workingDirectory) => new([], trustsSpecCommands: true, workingDirectory);

    /// <summary>Whether commands that specs give are run.</summary>
    public bool TrustsSpecCommands { get; }

    /// <summary>Where registered trainers run: the node's working directory when it started.</summary>
    public string WorkingDirectory { get; }

    /// <summary>The registered names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _trainers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The registered trainers.</summary>
    public IEnumerable<RegisteredTrainer> Trainers => _trainers.Values;

    /// <summary>
    /// Why a node with this registry refuses a submitted process trainer, in one line, or null when it accepts it:
    /// without trust a spec must name a registered trainer (whether the workers have it, only they know).
    /// </summary>
    public string? Refusal(ProcessTrainerSpec spec) => spec.Name.Length == 0 && !TrustsSpecCommands
        ? "this cluster runs only trainers its operator registered on the workers, and the spec names none: give trainer.process.name (the commands of a spec run only where clients are trusted: layernas run, or nodes started with --trust-clients)"
        : null;

    /// <summary>
    /// The process a slot runs for <paramref name="spec"/>: the registered trainer of its name when there is one, else
    /// its own command where that is trusted, with the slot's environment. Throws <see cref="TrainerException"/> when
    /// this node may run neither.
    /// </summary>
    public ProcessTrainerSpec Resolve(ProcessTrainerSpec spec, TrainerSlot slot)
    {
        var process = new ProcessTrainerSpec { Name = spec.Name, Settings = { spec.Settings } };
        if (slot.Gpu is { } gpu)
        {
            process.Env[TrainerSlot.GpuVariable] = gpu;
        }
        if (spec.Name.Length > 0 && _trainers.TryGetValue(spec.Name, out var registered))
        {
            process.Command.Add(registered.CommandFor(slot));
            SetAll(process, registered.EnvironmentFor(slot));
            process.WorkingDirectory = WorkingDirectory;
        }
        else if (spec.Command.Count > 0 && TrustsSpecCommands)
        {
            process.Command.Add(spec.Command);
            SetAll(process, spec.Env);
            process.WorkingDirectory = spec.WorkingDirectory;
        }
        else if (spec.Name.Length > 0)
        {
            throw new TrainerException(_trainers.Count == 0
                ? $"this worker has no trainer named '{spec.Name}': its operator registered none (layernas node --trainer {spec.Name}=COMMAND)"
                : $"this worker has no trainer named '{spec.Name}' (it has {string.Join(", ", Names)})");
        }
        else
        {
            throw new TrainerException(Refusal(spec)!);
        }
        // The slot's own index cannot be overridden: it is how a trainer tells its slot from the others.
        process.Env[TrainerSlot.SlotVariable] = SlotIndex(slot);
        return process;
    }

    // Later settings win: the registered (or trusted) environment may override the slot's GPU variable.
    private static void SetAll(ProcessTrainerSpec process, IEnumerable<KeyValuePair<string, string>> environment)
    {
        foreach (var (name, value) in environment)
        {
            process.Env[name] = value;
        }
    }

    private static string SlotIndex(TrainerSlot slot) => slot.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
