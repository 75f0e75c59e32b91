using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LayerNas.Cluster.Hosting;

/// <summary>Checks a database before a node starts on it, so a wrong address, password or file is one clear error instead of a journal that keeps failing.</summary>
public static class StorageProbe
{
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>
    /// Opens a connection to a PostgreSQL database and runs a trivial query; checks that a SQLite file is a SQLite
    /// database or can become one (it is missing), not a folder, an empty file, a device or another kind of file,
    /// without writing anything.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The database cannot be reached or used.</exception>
    public static async Task EnsureReachableAsync(StorageSettings settings, CancellationToken cancellationToken = default)
    {
        if (settings.IsSqlite)
        {
            CheckSqliteFile(settings);
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
            throw Unusable(settings, e is PostgresException postgres ? $"{postgres.SqlState}: {postgres.MessageText}" : e.Message, e);
        }
    }

    /// <summary>
    /// Writes to a SQLite file as the journal will (write-ahead logging, a write transaction), so a file or folder
    /// this process may not write is one clear error; call it once the file is this process's
    /// (<see cref="StorageLock"/>). Nothing to do for PostgreSQL, whose probe logs in.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The file cannot be written.</exception>
    public static void EnsureWritable(StorageSettings settings)
    {
        if (settings.IsSqlite)
        {
            WriteSqlite(settings);
        }
    }

    /// <summary>A database's one-line refusal, naming it without its password.</summary>
    internal static StorageUnavailableException Unusable(StorageSettings settings, string reason, Exception? inner = null) =>
        new($"cannot use {settings.Describe()}: {OneLine(reason)}", inner);

    private static void CheckSqliteFile(StorageSettings settings)
    {
        var path = Path.GetFullPath(settings.Describe());
        if (Directory.Exists(path))
        {
            throw Unusable(settings, "it is a folder, not a SQLite file");
        }
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return;
        }
        // Devices, pipes and /proc files report no size; nothing is read from them or created beside them.
        if (file.Length == 0)
        {
            throw Unusable(settings, "it is empty or not a regular file (a device, a pipe); give the path of a SQLite file, or of one to create");
        }
        var header = new byte[SqliteHeader.Length];
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unusable(settings, e.Message, e);
        }
        if (!header.AsSpan(0, read).SequenceEqual(SqliteHeader))
        {
            throw Unusable(settings, "the file is not a SQLite database");
        }
    }

    private static void WriteSqlite(StorageSettings settings)
    {
        try
        {
            using var connection = new SqliteConnection(settings.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS layernas_probe (id INTEGER); ROLLBACK;";
            command.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            throw Unusable(settings, e.Message.Replace("SQLite Error ", "SQLite error ", StringComparison.Ordinal), e);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
