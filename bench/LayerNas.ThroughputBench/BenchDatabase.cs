using LayerNas.Cluster.Hosting;
using Npgsql;

namespace LayerNas.ThroughputBench;

/// <summary>A fresh journal for one measurement: a SQLite file in the run's folder, or a PostgreSQL database created for it and dropped afterwards.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _adminConnection;
    private readonly string? _postgresName;

    private BenchDatabase(StorageSettings storage, string argument, string? adminConnection, string? postgresName)
    {
        Storage = storage;
        Argument = argument;
        _adminConnection = adminConnection;
        _postgresName = postgresName;
    }

    public StorageSettings Storage { get; }

    /// <summary>What <c>--db</c> takes for this database.</summary>
    public string Argument { get; }

    public static async Task<BenchDatabase> CreateAsync(string kind, string folder, string adminConnection)
    {
        if (kind == "sqlite")
        {
            var path = Path.Combine(folder, "bench.db");
            return new BenchDatabase(StorageSettings.SqliteFile(path), path, null, null);
        }
        var name = $"layernas_bench_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(adminConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnectionStringBuilder(adminConnection) { Database = name }.ConnectionString;
        return new BenchDatabase(StorageSettings.PostgreSql(connection), connection, adminConnection, name);
    }

    /// <summary>How many trial completions the journal keeps for a search (in its snapshot and the events after it): proof that every result was persisted.</summary>
    public long Completions(string searchId) => LayerNas.Cluster.Tests.Support.JournalReader.Completed(Storage, searchId).Count;

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnection);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
