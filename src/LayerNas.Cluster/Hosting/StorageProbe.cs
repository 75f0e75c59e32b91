using Npgsql;

namespace LayerNas.Cluster.Hosting;

/// <summary>Checks a database before a node starts on it, so a wrong address or password is one clear error instead of a journal that keeps failing.</summary>
public static class StorageProbe
{
    /// <summary>Opens a connection to a PostgreSQL database and runs a trivial query; a SQLite file needs no check (it is created when missing).</summary>
    /// <exception cref="StorageUnavailableException">The database cannot be reached or used.</exception>
    public static async Task EnsureReachableAsync(StorageSettings settings, CancellationToken cancellationToken = default)
    {
        if (settings.IsSqlite)
        {
            return;
        }
        try
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            var reason = e is PostgresException postgres ? $"{postgres.SqlState}: {postgres.MessageText}" : e.Message;
            throw new StorageUnavailableException($"cannot use {settings.Describe()}: {OneLine(reason)}", e);
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
