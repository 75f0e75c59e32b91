using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using LayerNas.Core.Specs;

namespace LayerNas.Trainers;

/// <summary>
/// A process trainer an operator registered on a node, which specs run by its name: the command and the environment
/// it adds. Both may hold <c>{slot}</c> (the slot's index) and <c>{gpu}</c> (the slot's GPU), filled in per slot.
/// </summary>
public sealed partial record RegisteredTrainer(string Name, ImmutableArray<string> Command, ImmutableArray<KeyValuePair<string, string>> Environment)
{
    /// <summary>How a registration is written.</summary>
    public const string Syntax = "NAME=[VAR=VALUE ...] PROGRAM [ARG ...]";

    private const string SlotPlaceholder = "{slot}";
    private const string GpuPlaceholder = "{gpu}";

    /// <summary>Whether the command or the environment use the slot's GPU.</summary>
    public bool UsesGpu => Command.Concat(Environment.Select(e => e.Value)).Any(t => t.Contains(GpuPlaceholder, StringComparison.Ordinal));

    /// <summary>
    /// Parses <see cref="Syntax"/>: the name, then the command's words split as a shell would (quotes, no expansion),
    /// leading <c>VAR=VALUE</c> words being environment variables. Throws <see cref="FormatException"/> naming the problem.
    /// </summary>
    public static RegisteredTrainer Parse(string registration)
    {
        var equals = registration.IndexOf('=');
        if (equals < 0)
        {
            throw new FormatException($"'{registration}' is not {Syntax}");
        }
        var name = registration[..equals].Trim();
        if (!TrainerNames.IsValid(name))
        {
            throw new FormatException($"'{name}' is not a trainer name ({TrainerNames.Rule})");
        }
        var words = CommandWords.Split(registration[(equals + 1)..]).ToList();
        var environment = new List<KeyValuePair<string, string>>();
        while (words.Count > 0 && Assignment().Match(words[0]) is { Success: true } assignment)
        {
            environment.Add(KeyValuePair.Create(assignment.Groups[1].Value, assignment.Groups[2].Value));
            words.RemoveAt(0);
        }
        if (words.Count == 0 || words[0].Length == 0)
        {
            throw new FormatException($"trainer '{name}' names no program ({Syntax})");
        }
        return new RegisteredTrainer(name, [.. words], [.. environment]);
    }

    /// <summary>The command with the slot's placeholders filled in.</summary>
    public IEnumerable<string> CommandFor(TrainerSlot slot) => Command.Select(word => Fill(word, slot));

    /// <summary>The environment with the slot's placeholders filled in.</summary>
    public IEnumerable<KeyValuePair<string, string>> EnvironmentFor(TrainerSlot slot) =>
        Environment.Select(e => KeyValuePair.Create(e.Key, Fill(e.Value, slot)));

    private string Fill(string text, TrainerSlot slot)
    {
        var filled = text.Replace(SlotPlaceholder, slot.Index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (!filled.Contains(GpuPlaceholder, StringComparison.Ordinal))
        {
            return filled;
        }
        return slot.Gpu is { } gpu
            ? filled.Replace(GpuPlaceholder, gpu, StringComparison.Ordinal)
            : throw new TrainerException($"trainer '{Name}' uses {GpuPlaceholder}, but this worker binds its slots to no GPUs (--gpus)");
    }

    [GeneratedRegex("^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", RegexOptions.Singleline)]
    private static partial Regex Assignment();
}
