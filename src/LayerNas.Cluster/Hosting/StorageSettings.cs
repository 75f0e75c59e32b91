namespace LayerNas.Cluster.Hosting;

/// <summary>Where journals and snapshots are kept: a SQLite file by default, PostgreSQL for clusters.</summary>
public sealed class StorageSettings
{
    /// <summary>The Linq2Db provider of a SQLite file through Microsoft.Data.Sqlite.</summary>
    public const string SqliteProvider = "SQLite.MS";

    /// <summary>The Linq2Db provider of PostgreSQL 15 and later.</summary>
    public const string PostgreSqlProvider = "PostgreSQL.15";

    /// <summary>The database's connection string.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The Linq2Db provider name (<see cref="SqliteProvider"/> or <see cref="PostgreSqlProvider"/>).</summary>
    public string ProviderName { get; set; } = SqliteProvider;

    /// <summary>Whether the database is a SQLite file.</summary>
    public bool IsSqlite => ProviderName.StartsWith("SQLite", StringComparison.OrdinalIgnoreCase);

    /// <summary>Storage in a SQLite file (created when missing).</summary>
    public static StorageSettings SqliteFile(string path) => new() { ConnectionString = $"Data Source={Path.GetFullPath(path)}", ProviderName = SqliteProvider };
}
