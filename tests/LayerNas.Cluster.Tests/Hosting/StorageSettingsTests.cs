using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Tests.Support;
using Npgsql;

namespace LayerNas.Cluster.Tests.Hosting;

public sealed class StorageSettingsTests
{
    [Theory]
    [InlineData("layernas.db")]
    [InlineData("runs/a=b.db")]
    [InlineData("/tmp/x/search.sqlite")]
    public void A_path_is_a_sqlite_file_made_absolute(string path)
    {
        var storage = StorageSettings.Parse(path);

        Assert.True(storage.IsSqlite);
        Assert.Equal(StorageSettings.SqliteProvider, storage.ProviderName);
        Assert.Equal(Path.GetFullPath(path), storage.Describe());
    }

    [Theory]
    [InlineData("Host=db.example;Port=5433;Username=u;Password=secret;Database=nas", "db.example", 5433, "u", "secret", "nas")]
    [InlineData("Server=10.0.0.7;User ID=u;Password=secret;Database=nas", "10.0.0.7", 5432, "u", "secret", "nas")]
    [InlineData("postgresql://u:s%40cret@db.example:5433/nas", "db.example", 5433, "u", "s@cret", "nas")]
    [InlineData("postgres://u@db.example/nas", "db.example", 5432, "u", null, "nas")]
    public void A_connection_string_or_url_is_postgresql(string text, string host, int port, string user, string? password, string database)
    {
        var storage = StorageSettings.Parse(text);

        Assert.False(storage.IsSqlite);
        Assert.Equal(StorageSettings.PostgreSqlProvider, storage.ProviderName);
        var builder = new NpgsqlConnectionStringBuilder(storage.ConnectionString);
        Assert.Equal(text.StartsWith("postgres") ? builder.ConnectionString : text, storage.ConnectionString);
        Assert.Equal((host, port, user, password, database), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
    }

    [Fact]
    public void A_sqlite_connection_string_is_used_as_it_is()
    {
        var storage = StorageSettings.Parse("Data Source=/tmp/x/search.db;Cache=Shared");

        Assert.True(storage.IsSqlite);
        Assert.Equal("Data Source=/tmp/x/search.db;Cache=Shared", storage.ConnectionString);
        Assert.Equal("/tmp/x/search.db", storage.Describe());
    }

    [Fact]
    public void A_description_never_shows_the_password()
    {
        var description = StorageSettings.Parse("Host=db.example;Username=u;Password=secret;Database=nas").Describe();

        Assert.Equal("PostgreSQL u@db.example:5432/nas", description);
    }

    [Theory]
    [InlineData("", "the database is empty")]
    [InlineData("  ", "the database is empty")]
    [InlineData("Host=db;Colour=blue", "not a valid PostgreSQL connection string")]
    [InlineData("postgresql://", "not a valid PostgreSQL URL")]
    [InlineData("postgresql://u:secret@/nas", "not a valid PostgreSQL URL: 'postgresql://…@/nas'")]
    public void Bad_databases_are_refused_with_one_line(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => StorageSettings.Parse(text));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public async Task An_unreachable_postgresql_is_one_clear_error()
    {
        var storage = StorageSettings.Parse("Host=127.0.0.1;Port=1;Username=u;Password=secret;Database=nas;Timeout=3");

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageProbe.EnsureReachableAsync(storage));

        Assert.StartsWith("cannot use PostgreSQL u@127.0.0.1:1/nas: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public async Task A_missing_postgresql_database_is_one_clear_error()
    {
        var missing = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = $"layernas_missing_{Guid.NewGuid():N}" };
        await (await PostgresServer.ConnectAsync()).DisposeAsync();

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageProbe.EnsureReachableAsync(StorageSettings.PostgreSql(missing.ConnectionString)));

        Assert.Contains($"/{missing.Database}: ", error.Message);
        Assert.Contains("3D000", error.Message);
    }

    [Fact]
    public async Task A_reachable_postgresql_passes_the_probe()
    {
        await using var database = await TestDatabase.PostgresAsync();

        await StorageProbe.EnsureReachableAsync(database.Storage);
    }
}
