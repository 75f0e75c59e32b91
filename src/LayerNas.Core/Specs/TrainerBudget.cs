using System.Globalization;

namespace LayerNas.Core.Specs;

/// <summary>
/// The settings of a process trainer that travel as a request's budget instead of free-form text: whole numbers in a
/// range, checked when a spec is validated so that a worker never meets one it cannot send.
/// </summary>
public static class TrainerBudget
{
    /// <summary>Training epochs.</summary>
    public const string Epochs = "epochs";

    /// <summary>Training examples.</summary>
    public const string TrainExamples = "train_examples";

    /// <summary>The training seed.</summary>
    public const string Seed = "seed";

    /// <summary>Every budget key.</summary>
    public static IReadOnlyList<string> Keys { get; } = [Epochs, TrainExamples, Seed];

    /// <summary>The value of a budget setting, or null when <paramref name="text"/> is not a whole number in its range.</summary>
    public static long? Parse(string key, string text)
    {
        var (min, max) = Range(key);
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;
    }

    /// <summary>What a budget setting must be, in words.</summary>
    public static string Describe(string key)
    {
        var (min, max) = Range(key);
        return string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}");
    }

    private static (long Min, long Max) Range(string key) => key switch
    {
        Epochs or TrainExamples => (1, int.MaxValue),
        Seed => (0, long.MaxValue),
        _ => throw new ArgumentException($"'{key}' is not a budget setting", nameof(key)),
    };
}
