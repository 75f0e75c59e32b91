using System.Collections;
using System.CommandLine;
using System.Globalization;
using LayerNas.Cli.CommandLine;
using Microsoft.Extensions.Configuration;

namespace LayerNas.Cli.Node;

/// <summary>
/// Reads the settings of <c>layernas node</c> from three places, each overriding the one before: the <c>LayerNas</c>
/// section of <c>appsettings.json</c> in the working folder, <c>LAYERNAS_*</c> environment variables, and the
/// command line. One binary thus runs from a terminal, a container or a Kubernetes pod alike.
/// </summary>
public static class NodeConfiguration
{
    /// <summary>The settings file read from the working folder, when present.</summary>
    public const string SettingsFile = "appsettings.json";

    /// <summary>What was read, and which settings the command line itself gave.</summary>
    public sealed record Loaded(NodeOptions Options, IReadOnlySet<string> FromCommandLine);

    // One option per setting; a list setting may be repeated and its values join into the list the other sources give
    // (seeds by commas, trainers, whose commands may hold commas, by lines); a switch is a flag without a value.
    private static readonly IReadOnlyList<(NodeSetting Setting, Option Option)> CommandLineOptions =
    [
        .. NodeSetting.All.Select(s => (s, s.IsSwitch
            ? new Option<bool>(s.Flag) { Description = $"{s.Description} [env: {s.Environment}=true]" }
            : (Option)ValueOption.Create(s.Flag, s.HelpName, $"{s.Description} [env: {s.Environment}]",
                values => s.Key == nameof(NodeOptions.Trainers) ? string.Join('\n', values) : s.IsList ? string.Join(',', values) : values[^1]))),
    ];

    /// <summary><c>layernas node</c>: one option per setting, without the action.</summary>
    internal static Command Command()
    {
        var command = new Command(
            "node",
            $"start a coordinator or worker node of a cluster (settings also from LAYERNAS_* variables and ./{SettingsFile})");
        foreach (var (setting, option) in CommandLineOptions)
        {
            if (setting.Key == nameof(NodeOptions.Role))
            {
                ((Option<string>)option).CompletionSources.Add("coordinator", "worker", "both");
            }
            command.Options.Add(option);
        }
        return command;
    }

    /// <summary>Reads the settings of a parsed <c>layernas node</c> command line with this process's environment and working folder.</summary>
    public static Loaded Load(ParseResult commandLine) =>
        Load(commandLine, Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value), Directory.GetCurrentDirectory());

    /// <summary>Reads the settings of a parsed <c>layernas node</c> command line; throws <see cref="UsageException"/> naming the first problem.</summary>
    public static Loaded Load(ParseResult commandLine, IReadOnlyDictionary<string, string?> environment, string folder)
    {
        var given = CommandLineOptions.Where(o => commandLine.GetResult(o.Option) is { Implicit: false }).ToList();
        var fromEnvironment = NodeSetting.All
            .Where(s => environment.TryGetValue(s.Environment, out var value) && !string.IsNullOrEmpty(value))
            .ToDictionary(s => s.ConfigurationKey, s => environment[s.Environment]);
        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(Path.GetFullPath(folder), SettingsFile), optional: true, reloadOnChange: false)
                .AddInMemoryCollection(fromEnvironment)
                .AddInMemoryCollection(given.Select(o => KeyValuePair.Create(o.Setting.ConfigurationKey, Value(commandLine, o.Option))))
                .Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
        {
            throw new UsageException($"{SettingsFile}: {OneLine(e)}");
        }
        foreach (var setting in NodeSetting.All.Where(s => s.IsNumber))
        {
            if (configuration[setting.ConfigurationKey] is { } text && !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                throw new UsageException($"{setting.Names}: '{text}' is not a whole number");
            }
        }
        foreach (var setting in NodeSetting.All.Where(s => s.IsSwitch))
        {
            if (configuration[setting.ConfigurationKey] is { } text && !bool.TryParse(text, out _))
            {
                throw new UsageException($"{setting.Names}: '{text}' is not true or false");
            }
        }
        // appsettings.json may list trainers as an array; a value from a higher source replaces the whole list.
        var trainers = configuration.GetSection($"{NodeOptions.Section}:{nameof(NodeOptions.Trainers)}");
        var trainerList = trainers.Value ?? (trainers.GetChildren().Any() ? string.Join('\n', trainers.GetChildren().Select(c => c.Value)) : null);
        var flattened = new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection([KeyValuePair.Create($"{NodeOptions.Section}:{nameof(NodeOptions.Trainers)}", trainerList)])
            .Build();
        var options = flattened.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new NodeOptions();
        return new Loaded(options, given.Select(o => o.Setting.Key).ToHashSet());
    }

    private static string? Value(ParseResult commandLine, Option option) => option switch
    {
        Option<bool> flag => commandLine.GetValue(flag) ? "true" : "false",
        Option<string> text => commandLine.GetValue(text),
        _ => throw new ArgumentException($"option {option.Name} has no reader", nameof(option)),
    };

    private static string OneLine(Exception e) =>
        string.Join(' ', $"{e.Message} {e.InnerException?.Message}".Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
