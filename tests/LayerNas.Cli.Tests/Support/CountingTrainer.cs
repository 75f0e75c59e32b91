using System.Globalization;
using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Tests.Support;

/// <summary>One line of the counting trainer's log: a training started or done, by which node process, when.</summary>
internal sealed record Training(bool Done, long Trial, int Attempt, int Node, double UnixSeconds);

/// <summary>
/// Specs whose process trainer (scripts/counting_trainer.py) logs every training it starts and finishes, with the
/// process id of the layernas node that runs it, so a test counts trainings directly across real crashes.
/// </summary>
internal static class CountingTrainer
{
    /// <summary>The name the specs give the trainer, under which <see cref="WorkerArgs"/> registers it on a worker node.</summary>
    public const string TrainerName = "counting";

    private static string Script => Path.Combine(AppContext.BaseDirectory, "scripts", "counting_trainer.py");

    /// <summary>
    /// Writes a spec of <paramref name="layers"/> layers of six options costing 1…6, each trial taking
    /// <paramref name="seconds"/>, and returns its path; its trainer logs to <see cref="LogOf"/>.
    /// </summary>
    public static string Write(string folder, string name, double seconds, int layers = 4, int? maxRetries = null)
    {
        var path = Path.Combine(folder, $"{name}.json");
        var spec = new SearchSpec
        {
            Name = name,
            Cost = new CostModel { Additive = new AdditiveCost() },
            Target = new Target { Min = 2.0 * layers, Max = 4.0 * layers },
            Strategy = new Strategy { Layernas = new LayerNasSettings { Buckets = 5, KeepPerBucket = 1 } },
            Trainer = new Trainer
            {
                // Named for worker nodes, which run only registered trainers; the command for layernas run.
                Process = new ProcessTrainer
                {
                    Name = TrainerName,
                    Command = { "/usr/bin/python3", Script },
                    Env = { ["COUNTING_TRAINER_LOG"] = LogOf(path) },
                    Settings = { ["seconds"] = seconds.ToString(CultureInfo.InvariantCulture) },
                },
            },
        };
        if (maxRetries is { } retries)
        {
            spec.Trainer.MaxRetries = retries;
        }
        for (var layer = 0; layer < layers; layer++)
        {
            spec.Layers.Add(new Layer { Name = $"l{layer}", Options = { Enumerable.Range(1, 6).Select(o => new LayerOption { Name = $"o{o}", Cost = o }) } });
        }
        File.WriteAllText(path, Google.Protobuf.JsonFormatter.Default.Format(spec));
        return path;
    }

    /// <summary>Arguments of a worker node that register the trainer of a spec written by <see cref="Write"/>, logging where the spec's own command does.</summary>
    public static string[] WorkerArgs(string specPath) => ["--trainer", $"{TrainerName}=COUNTING_TRAINER_LOG={LogOf(specPath)} /usr/bin/python3 '{Script}'"];

    /// <summary>The trainings log of a spec written by <see cref="Write"/>.</summary>
    public static string LogOf(string specPath) => Path.ChangeExtension(specPath, ".trainings");

    /// <summary>Every training logged so far, in the order logged.</summary>
    public static IReadOnlyList<Training> Read(string specPath) =>
        !File.Exists(LogOf(specPath))
            ? []
            : [.. File.ReadAllLines(LogOf(specPath)).Select(line => line.Split(' ')).Select(f => new Training(
                f[0] == "done", long.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture),
                int.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture)))];

    /// <summary>Sets aside what the trainer logged so far (a reference run's trainings), so the log counts only what follows.</summary>
    public static void StartAfresh(string specPath)
    {
        if (File.Exists(LogOf(specPath)))
        {
            File.Move(LogOf(specPath), LogOf(specPath) + ".before");
        }
    }

    /// <summary>The trainings finished per trial number.</summary>
    public static ILookup<long, Training> DoneByTrial(IEnumerable<Training> trainings) => trainings.Where(t => t.Done).ToLookup(t => t.Trial);

    /// <summary>Seconds since the Unix epoch now, as the trainer logs them.</summary>
    public static double Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
}
