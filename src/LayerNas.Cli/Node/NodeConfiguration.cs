using System.Collections;
using System.Globalization;
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

    /// <summary>Reads the settings with this process's environment and working folder.</summary>
    public static Loaded Load(IReadOnlyList<string> args) =>
        Load(args, Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value), Directory.GetCurrentDirectory());

    /// <summary>Reads the settings; throws <see cref="UsageException"/> naming the first problem.</summary>
    public static Loaded Load(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment, string folder)
    {
        var commandLine = ParseCommandLine(args);
        var fromEnvironment = NodeSetting.All
            .Where(s => environment.TryGetValue(s.Environment, out var value) && !string.IsNullOrEmpty(value))
            .ToDictionary(s => s.ConfigurationKey, s => environment[s.Environment]);
        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(Path.GetFullPath(folder), SettingsFile), optional: true, reloadOnChange: false)
                .AddInMemoryCollection(fromEnvironment)
                .AddInMemoryCollection(commandLine.ToDictionary(e => NodeSetting.All.Single(s => s.Key == e.Key).ConfigurationKey, e => (string?)e.Value))
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
        return new Loaded(options, commandLine.Keys.ToHashSet());
    }

    private static Dictionary<string, string> ParseCommandLine(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>();
        var cursor = new ArgumentCursor(args);
        while (cursor.MoveNext())
        {
            var setting = NodeSetting.All.FirstOrDefault(s => s.Flag == cursor.Name)
                ?? throw (cursor.IsOption ? cursor.Unknown() : new UsageException($"unexpected argument '{cursor.Argument}'"));
            var value = cursor.Value();
            // --seed may be given several times; the others take the last value given.
            values[setting.Key] = setting.Key == nameof(NodeOptions.Seeds) && values.TryGetValue(setting.Key, out var earlier) ? $"{earlier},{value}" : value;
        }
        return values;
    }

    private static string OneLine(Exception e) =>
        string.Join(' ', $"{e.Message} {e.InnerException?.Message}".Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
