using LayerNas.Cluster.Hosting;
using Npgsql;

namespace LayerNas.Cluster.Tests.Support;

/// <summary>A database of a test's own: a SQLite file in a temp folder, or a PostgreSQL database created for the test and dropped after it.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;

    private TestDatabase(StorageSettings storage, string? postgresName)
    {
        Storage = storage;
        _postgresName = postgresName;
    }

    /// <summary>The storage settings a node uses for this database.</summary>
    public StorageSettings Storage { get; }

    /// <summary>What <c>--db</c> takes for this database.</summary>
    public string Argument => Storage.IsSqlite ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Storage.ConnectionString).DataSource : Storage.ConnectionString;

    /// <summary>The two kinds, by the names test theories use.</summary>
    public static Task<TestDatabase> CreateAsync(string kind, TempFolder folder, string name) => kind switch
    {
        "sqlite" => Task.FromResult(Sqlite(folder.File(name + ".db"))),
        "postgresql" => PostgresAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "sqlite or postgresql"),
    };

    public static TestDatabase Sqlite(string path) => new(StorageSettings.SqliteFile(path), null);

    /// <summary>Creates an empty PostgreSQL database named layernas_test_&lt;guid&gt;, so tests never share tables.</summary>
    public static async Task<TestDatabase> PostgresAsync()
    {
        var name = $"layernas_test_{Guid.NewGuid():N}";
        await using (var admin = await PostgresServer.ConnectAsync())
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = name };
        return new TestDatabase(StorageSettings.PostgreSql(connection.ConnectionString), name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = await PostgresServer.ConnectAsync();
        // FORCE ends the sessions a killed node may have left open.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
