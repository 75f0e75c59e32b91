using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Tests.Support;

/// <summary>
/// A spec whose process trainer (the fault trainer script) misbehaves by architecture: the first layer says how. At
/// depth 1 LayerNAS trains one child per behaviour, so exactly one trial crashes, one hangs past its timeout and one
/// answers garbage; the healthy child is kept and expanded with the second layer.
/// </summary>
internal static class FaultSpec
{
    public const double TimeoutSeconds = 4;

    public const int MaxRetries = 1;

    public static readonly string[] Behaviours = ["ok", "crash", "hang", "garbage"];

    public static readonly string[] Widths = ["narrow", "medium", "wide"];

    /// <summary>The reason each fault must leave in the result, as the documented table states it.</summary>
    public static readonly IReadOnlyDictionary<string, string> ReasonStarts = new Dictionary<string, string>
    {
        ["crash"] = "trainer process exited with code 3: boom: the trainer crashed",
        ["hang"] = $"timed out after {TimeoutSeconds} s",
        ["garbage"] = "trainer wrote a line that is not a TrainResponse: 'this is not json'",
    };

    /// <summary>The name worker nodes register the fault trainer under (<see cref="WorkerArgs"/>).</summary>
    public const string TrainerName = "fault";

    /// <summary>The fault trainer script.</summary>
    public static string Script => Path.Combine(AppContext.BaseDirectory, "scripts", "fault_trainer.py");

    /// <summary>The options that register the fault trainer on a worker node as <see cref="TrainerName"/>.</summary>
    public static string[] WorkerArgs => ["--trainer", $"{TrainerName}=/usr/bin/python3 '{Script}'"];

    /// <summary>
    /// Writes the spec into <paramref name="folder"/> and returns its path; its process trainer is the script's command,
    /// or with <paramref name="byName"/> the trainer workers registered as <see cref="TrainerName"/>.
    /// </summary>
    public static string Write(string folder, bool byName = false)
    {
        var spec = new SearchSpec
        {
            Name = "faults",
            Cost = new CostModel { Additive = new AdditiveCost() },
            Target = new Target { Min = 0 },
            Strategy = new Strategy { Layernas = new LayerNasSettings { Buckets = 4 } },
            Trainer = new Trainer
            {
                Process = byName ? new ProcessTrainer { Name = TrainerName } : new ProcessTrainer { Command = { "/usr/bin/python3", Script } },
                TimeoutSeconds = TimeoutSeconds,
                MaxRetries = MaxRetries,
            },
        };
        spec.Layers.Add(new Layer { Name = "behaviour", Options = { Behaviours.Select((b, i) => new LayerOption { Name = b, Cost = i + 1 }) } });
        spec.Layers.Add(new Layer { Name = "width", Options = { Widths.Select((w, i) => new LayerOption { Name = w, Cost = i + 1 }) } });
        var path = Path.Combine(folder, "faults.json");
        File.WriteAllText(path, Google.Protobuf.JsonFormatter.Default.Format(spec));
        return path;
    }
}
