namespace LayerNas.Cli.Node;

/// <summary>One setting of <c>layernas node</c> and the three names it goes by.</summary>
/// <param name="Key">The property of <see cref="NodeOptions"/> and the key in the <c>LayerNas</c> section of appsettings.json.</param>
/// <param name="Flag">The command-line option.</param>
/// <param name="Environment">The environment variable.</param>
/// <param name="IsNumber">Whether the value is a whole number.</param>
public sealed record NodeSetting(string Key, string Flag, string Environment, bool IsNumber = false)
{
    /// <summary>Every setting, in the order the usage lists them.</summary>
    public static IReadOnlyList<NodeSetting> All { get; } =
    [
        new(nameof(NodeOptions.Role), "--role", "LAYERNAS_ROLE"),
        new(nameof(NodeOptions.Host), "--host", "LAYERNAS_HOST"),
        new(nameof(NodeOptions.Port), "--port", "LAYERNAS_PORT", IsNumber: true),
        new(nameof(NodeOptions.PublicHost), "--public-host", "LAYERNAS_PUBLIC_HOST"),
        new(nameof(NodeOptions.Seeds), "--seed", "LAYERNAS_SEEDS"),
        new(nameof(NodeOptions.Slots), "--slots", "LAYERNAS_SLOTS", IsNumber: true),
        new(nameof(NodeOptions.Api), "--api", "LAYERNAS_API"),
        new(nameof(NodeOptions.Db), "--db", "LAYERNAS_DB"),
        new(nameof(NodeOptions.Token), "--token", "LAYERNAS_TOKEN"),
        new(nameof(NodeOptions.Logs), "--logs", "LAYERNAS_LOGS"),
        new(nameof(NodeOptions.StableAfter), "--stable-after", "LAYERNAS_STABLE_AFTER", IsNumber: true),
        new(nameof(NodeOptions.LeaseGrace), "--lease-grace", "LAYERNAS_LEASE_GRACE", IsNumber: true),
    ];

    /// <summary>The key in the configuration ("LayerNas:Port").</summary>
    public string ConfigurationKey => $"{NodeOptions.Section}:{Key}";

    /// <summary>How a user can find the setting, for error messages.</summary>
    public string Names => $"{Flag} / {Environment} / {ConfigurationKey}";
}
