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

    // One option per setting; --seed may be repeated and its values join into the comma list the other sources give.
    private static readonly IReadOnlyList<(NodeSetting Setting, Option<string> Option)> CommandLineOptions =
    [
        .. NodeSetting.All.Select(s => (s, ValueOption.Create(s.Flag, s.HelpName, $"{s.Description} [env: {s.Environment}]",
            values => s.Key == nameof(NodeOptions.Seeds) ? string.Join(',', values) : values[^1]))),
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
                option.CompletionSources.Add("coordinator", "worker", "both");
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
                .AddInMemoryCollection(given.Select(o => KeyValuePair.Create(o.Setting.ConfigurationKey, commandLine.GetValue(o.Option))))
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
        var options = configuration.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new NodeOptions();
        return new Loaded(options, given.Select(o => o.Setting.Key).ToHashSet());
    }

    private static string OneLine(Exception e) =>
        string.Join(' ', $"{e.Message} {e.InnerException?.Message}".Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
