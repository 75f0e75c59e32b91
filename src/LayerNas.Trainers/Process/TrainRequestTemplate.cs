using LayerNas.Core.Space;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;
using ProcessTrainerSpec = LayerNas.Protocol.V1.ProcessTrainer;

namespace LayerNas.Trainers;

/// <summary>What every request of one process trainer shares: the layer names, the forwarded settings and the budget.</summary>
internal sealed class TrainRequestTemplate
{
    private readonly string[] _layers;
    private readonly Dictionary<string, string> _settings;
    private readonly TrainBudget _budget;

    private TrainRequestTemplate(string[] layers, Dictionary<string, string> settings, TrainBudget budget)
    {
        _layers = layers;
        _settings = settings;
        _budget = budget;
    }

    /// <summary>Splits the spec's settings into forwarded settings and the budget; throws <see cref="ArgumentException"/> for a budget key that is not a valid integer.</summary>
    public static TrainRequestTemplate Create(ProcessTrainerSpec spec, SearchSpace space)
    {
        var settings = new Dictionary<string, string>(spec.Settings, StringComparer.Ordinal);
        var budget = new TrainBudget();
        if (Take(settings, TrainerBudget.Epochs) is { } epochs)
        {
            budget.Epochs = (int)epochs;
        }
        if (Take(settings, TrainerBudget.TrainExamples) is { } examples)
        {
            budget.TrainExamples = (int)examples;
        }
        if (Take(settings, TrainerBudget.Seed) is { } seed)
        {
            budget.Seed = seed;
        }
        return new TrainRequestTemplate([.. space.Layers.Select(l => l.Name)], settings, budget);
    }

    /// <summary>The request for one attempt at one trial.</summary>
    public TrainRequest For(TrainingJob job)
    {
        if (job.OptionNames.Count != _layers.Length)
        {
            throw new ArgumentException($"the job names {job.OptionNames.Count} options for a space of {_layers.Length} layers", nameof(job));
        }
        var request = new TrainRequest
        {
            TrialId = new TrialId { SearchId = job.SearchId, TrialNumber = job.TrialNumber },
            Attempt = job.Attempt,
            Budget = _budget.Clone(),
        };
        request.Architecture.Add(_layers.Select((layer, i) => new LayerChoice { Layer = layer, Option = job.OptionNames[i] }));
        request.Settings.Add(_settings);
        return request;
    }

    private static long? Take(Dictionary<string, string> settings, string key) => settings.Remove(key, out var text)
        ? TrainerBudget.Parse(key, text) ?? throw new ArgumentException($"trainer.process.settings.{key} must be {TrainerBudget.Describe(key)}, got '{text}'")
        : null;
}
