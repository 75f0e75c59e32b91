using Npgsql;

namespace LayerNas.Cluster.Tests.Support;

/// <summary>The PostgreSQL server the storage tests use: LAYERNAS_TEST_POSTGRES, or the role .ci/run creates on 127.0.0.1:5432.</summary>
internal static class PostgresServer
{
    public const string EnvironmentVariable = "LAYERNAS_TEST_POSTGRES";

    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=layernas;Password=layernas;Database=postgres";

    /// <summary>The connection string of a database on the server from which test databases are created and dropped.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : DefaultConnectionString;

    /// <summary>Opens an administrative connection, failing the test with what to do when the server cannot be reached.</summary>
    public static async Task<NpgsqlConnection> ConnectAsync()
    {
        var connection = new NpgsqlConnection(AdminConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or ArgumentException)
        {
            await connection.DisposeAsync();
            var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Password = null };
            throw new Xunit.Sdk.XunitException(
                $"PostgreSQL is unreachable at '{builder.ConnectionString}': {e.Message}. These tests need a PostgreSQL server: " +
                $"run .ci/run (it installs and starts one with role layernas/layernas on 127.0.0.1:5432), or set {EnvironmentVariable} " +
                "to the connection string of a server whose user may create databases.");
        }
    }
}
