using System.Data.Common;
using Npgsql;

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

    /// <summary>Storage in a PostgreSQL database, given its Npgsql connection string.</summary>
    public static StorageSettings PostgreSql(string connectionString) => new() { ConnectionString = connectionString, ProviderName = PostgreSqlProvider };

    /// <summary>
    /// Reads what a user passes as <c>--db</c>: a PostgreSQL connection string (one with a <c>Host</c> or <c>Server</c>
    /// key) or URL (<c>postgresql://user:password@host:port/database</c>), a SQLite connection string (one with a
    /// <c>Data Source</c> key), or else the path of a SQLite file.
    /// </summary>
    /// <exception cref="FormatException">The value is empty, or a PostgreSQL connection string or URL that cannot be read; the message says why in one line.</exception>
    public static StorageSettings Parse(string database)
    {
        if (string.IsNullOrWhiteSpace(database))
        {
            throw new FormatException("the database is empty: give a SQLite file path or a PostgreSQL connection string");
        }
        var text = database.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return PostgreSql(FromUrl(text));
        }
        var keywords = Keywords(text);
        if (keywords?.ContainsKey("host") == true || keywords?.ContainsKey("server") == true)
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(text);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"not a valid PostgreSQL connection string: {e.Message}", e);
            }
            return PostgreSql(text);
        }
        return keywords?.ContainsKey("data source") == true
            ? new StorageSettings { ConnectionString = text, ProviderName = SqliteProvider }
            : SqliteFile(text);
    }

    /// <summary>The database as people read it, without its password: the SQLite file's path, or "PostgreSQL user@host:port/database".</summary>
    public string Describe()
    {
        if (IsSqlite)
        {
            return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
        }
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {builder.Username}@{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }

    private static DbConnectionStringBuilder? Keywords(string text)
    {
        if (!text.Contains('='))
        {
            return null;
        }
        try
        {
            return new DbConnectionStringBuilder { ConnectionString = text };
        }
        catch (ArgumentException)
        {
            // Not key=value pairs at all: a file name that happens to hold '='.
            return null;
        }
    }

    private static string FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Host.Length == 0)
        {
            throw new FormatException($"not a valid PostgreSQL URL: '{Redact(text)}' (expected postgresql://user:password@host:port/database)");
        }
        var builder = new NpgsqlConnectionStringBuilder { Host = url.Host, Port = url.IsDefaultPort || url.Port < 0 ? 5432 : url.Port };
        var userInfo = url.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        var database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }
        return builder.ConnectionString;
    }

    private static string Redact(string url) =>
        url.IndexOf('@') is var at and > 0 && url.IndexOf("://", StringComparison.Ordinal) is var scheme and > 0
            ? url[..(scheme + 3)] + "…" + url[at..]
            : url;
}
