using CsCheck;
using LayerNas.Cli.Specs;
using LayerNas.Cli.Tests.Support;
using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Tests.Client;

/// <summary>
/// Random specs for fuzzing: an example spec with one to four random mutations, each aimed at a check the API and
/// <c>layernas run</c> must make (hostile names and numbers, paths to devices, pipes, /proc and outside the data root,
/// commands, sizes, unknown strategies).
/// </summary>
internal static class SpecMutations
{
    /// <summary>Numbers that break naive code: non-finite, negative, huge, tiny.</summary>
    public static readonly Gen<double> Numbers = Gen.Frequency(
        (1, Gen.OneOf<double>(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1, 0, 1e-308, 1e9, 1e308, double.MaxValue)),
        (1, Gen.Double[-1000, 1000]));

    /// <summary>Text with control characters, bidirectional overrides, separators and plain letters.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (1, Gen.OneOf<string>("", "\u001b[2J", "a\nb", "\u202Eevil", "a:b", "x\0y", new string('n', 5000), "../../etc/passwd")),
        (1, Gen.String[Gen.Char[(char)0, (char)0x7f], 0, 20]));

    /// <summary>Table paths a client might try: devices, pipes, /proc files, escapes from the data root, the real table.</summary>
    public static readonly Gen<string> TablePaths = Gen.Frequency(
        (2, Gen.OneOf<string>("/dev/zero", "/dev/urandom", "/proc/self/environ", "/proc/self/cmdline", "/etc/passwd", "pipe.csv",
            "../cnn4x4.csv", "cnn4x4.csv", "missing.csv", "", "/", ".")),
        (1, Text));

    private static readonly Gen<Action<SearchSpec>> Mutation = Gen.OneOf(
        Text.Select(name => (Action<SearchSpec>)(spec => spec.Name = name)),
        Gen.Select(Gen.Int[0, 50], Numbers).Select((at, cost) => (Action<SearchSpec>)(spec => OptionAt(spec, at)?.Cost = cost)),
        Gen.Select(Gen.Int[0, 50], Text).Select((at, name) => (Action<SearchSpec>)(spec => OptionAt(spec, at)?.Name = name)),
        Gen.Int[0, 3].Select(keep => (Action<SearchSpec>)(spec =>
        {
            while (spec.Layers.Count > keep)
            {
                spec.Layers.RemoveAt(spec.Layers.Count - 1);
            }
        })),
        Gen.Int[1, 3000].Select(options => (Action<SearchSpec>)(spec => spec.Layers.Add(new Layer
        {
            Name = "extra",
            Options = { Enumerable.Range(0, options).Select(o => new LayerOption { Name = $"e{o}", Cost = o }) },
        }))),
        Gen.Select(Numbers, Numbers).Select((min, max) => (Action<SearchSpec>)(spec => spec.Target = new Target { Min = min, Max = max })),
        Gen.Select(Gen.Int[-5, 100_000], Gen.Int[-5, 100], Gen.Long[-5, 1_000_000]).Select((buckets, keep, trials) => (Action<SearchSpec>)(spec =>
        {
            spec.Strategy ??= new Strategy();
            spec.Strategy.Layernas = new LayerNasSettings { Buckets = buckets, KeepPerBucket = keep };
            spec.Strategy.MaxTrials = trials;
        })),
        Text.Select(completion => (Action<SearchSpec>)(spec =>
        {
            spec.Strategy ??= new Strategy();
            spec.Strategy.Layernas ??= new LayerNasSettings();
            spec.Strategy.Layernas.Completion = completion;
        })),
        Gen.Select(Numbers, Numbers, Numbers, Numbers).Select((seconds, perCost, jitter, interaction) => (Action<SearchSpec>)(spec =>
            spec.Trainer = new Trainer { Synthetic = new SyntheticTrainer { Seconds = Math.Min(seconds, 0.01), SecondsPerCost = Math.Min(perCost, 0.001), Jitter = jitter, Interaction = interaction } })),
        Gen.Select(Numbers, Gen.Int[-5, 1000]).Select((timeout, retries) => (Action<SearchSpec>)(spec =>
        {
            spec.Trainer ??= new Trainer { Synthetic = new SyntheticTrainer() };
            spec.Trainer.TimeoutSeconds = timeout;
            spec.Trainer.MaxRetries = retries;
        })),
        Gen.Select(TablePaths, Text).Select((path, column) => (Action<SearchSpec>)(spec =>
            spec.Cost = new CostModel { Table = new TableCost { Path = path, Key = "arch", Column = column.Length % 2 == 0 ? "macs" : column } })),
        Gen.Select(TablePaths, Text).Select((path, reward) => (Action<SearchSpec>)(spec =>
            spec.Trainer = new Trainer { Tabular = new TabularTrainer { Path = path, Key = "arch", Reward = reward.Length % 2 == 0 ? "val_acc" : reward } })),
        Gen.Select(Text, Text).Select((name, word) => (Action<SearchSpec>)(spec =>
            spec.Trainer = new Trainer { Process = new ProcessTrainer { Name = name, Command = { "/bin/sh", "-c", $"touch fuzz-ran-{word.Length}" }, Settings = { ["epochs"] = word } } })));

    /// <summary>An example spec (the burger, or the table spec with paths relative to the data root) with one to four mutations.</summary>
    public static readonly Gen<SearchSpec> Specs = Gen.Select(Gen.Bool, Mutation.Array[1, 4]).Select((table, mutations) =>
    {
        var spec = table ? TableSpec() : SpecFile.Load(Examples.Path("burger.json"));
        foreach (var mutate in mutations)
        {
            mutate(spec);
        }
        return spec;
    });

    private static LayerOption? OptionAt(SearchSpec spec, int at)
    {
        var options = spec.Layers.SelectMany(l => l.Options).ToList();
        return options.Count == 0 ? null : options[at % options.Count];
    }

    private static SearchSpec TableSpec()
    {
        var spec = SpecFile.Load(Examples.Path("cnn-table.json"));
        spec.Cost.Table.Path = "cnn4x4.csv";
        spec.Trainer.Tabular.Path = "cnn4x4.csv";
        return spec;
    }
}
