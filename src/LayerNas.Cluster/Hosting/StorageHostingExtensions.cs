using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LayerNas.Cluster.Hosting;

/// <summary>Hosting of the journal and snapshot store.</summary>
public static class StorageHostingExtensions
{
    /// <summary>
    /// Keeps journals and snapshots in SQL through Akka.Persistence.Sql, creating its tables at start-up. A SQLite file
    /// is switched to write-ahead logging and written by one writer, as SQLite allows one at a time.
    /// </summary>
    public static AkkaConfigurationBuilder AddLayerNasStorage(this AkkaConfigurationBuilder builder, StorageSettings settings)
    {
        if (settings.IsSqlite)
        {
            UseWriteAheadLog(settings.ConnectionString);
            builder.AddHocon("akka.persistence.journal.sql.parallelism = 1", HoconAddMode.Prepend);
        }
        // The node is ready only while its journal answers.
        return builder.WithSqlPersistence(
            settings.ConnectionString,
            settings.ProviderName,
            autoInitialize: true,
            journalBuilder: journal => journal.WithHealthCheck(HealthStatus.Unhealthy, "akka.persistence.journal", [NodeHealth.Ready]));
    }

    private static void UseWriteAheadLog(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL is a property of the file: set once, every later connection uses it.
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
        SqliteConnection.ClearPool(connection);
    }
}
