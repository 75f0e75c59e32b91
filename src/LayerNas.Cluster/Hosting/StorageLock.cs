using Npgsql;

namespace LayerNas.Cluster.Hosting;

/// <summary>
/// Makes this process the one writer of a database for as long as it is held: a lock file beside a SQLite file (an
/// exclusive lock the operating system releases when the process dies), or a PostgreSQL session advisory lock. Two
/// <c>layernas run</c> on one file, or two coordinators forming separate clusters on one journal, would both append
/// to the same journals and corrupt each other's searches; the second is refused at start instead.
/// </summary>
public sealed class StorageLock : IAsyncDisposable
{
    /// <summary>The advisory lock key every layernas journal in a PostgreSQL database takes ("LayerNas" in ASCII).</summary>
    public const long PostgreSqlLockKey = 0x4C617965724E6173;

    private const int PostgreSqlLockAttempts = 6;

    private static readonly TimeSpan PostgreSqlLockRetry = TimeSpan.FromMilliseconds(500);

    private readonly FileStream? _file;
    private readonly NpgsqlConnection? _session;

    private StorageLock(FileStream? file, NpgsqlConnection? session) => (_file, _session) = (file, session);

    /// <summary>Where the lock of a SQLite file is kept: beside it, named after it.</summary>
    public static string LockFilePath(StorageSettings settings) => Path.GetFullPath(settings.Describe()) + ".lock";

    /// <summary>
    /// Checks the database (<see cref="StorageProbe"/>), takes its writer lock, and checks that it can be written.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The database cannot be used, or another process holds its lock; the message says which in one line.</exception>
    public static async Task<StorageLock> AcquireAsync(StorageSettings settings, CancellationToken cancellationToken = default)
    {
        await StorageProbe.EnsureReachableAsync(settings, cancellationToken);
        var held = settings.IsSqlite ? new StorageLock(LockFile(settings), null) : new StorageLock(null, await SessionLockAsync(settings, cancellationToken));
        try
        {
            StorageProbe.EnsureWritable(settings);
            return held;
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
        if (_session is not null)
        {
            // The session ends without returning to a pool, and its advisory lock with it.
            await _session.DisposeAsync();
        }
    }

    private static FileStream LockFile(StorageSettings settings)
    {
        var path = LockFilePath(settings);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StorageProbe.Unusable(settings, $"cannot create its folder: {e.Message}", e);
        }
        try
        {
            // FileShare.None is an exclusive lock (flock) on Unix, held until the stream closes or the process ends.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException e)
        {
            throw StorageProbe.Unusable(settings, $"cannot create its lock file {path}: this process may not write in {Path.GetDirectoryName(path)}", e);
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw StorageProbe.Unusable(settings, $"another layernas process is using it (it holds {path})", e);
        }
        catch (IOException e)
        {
            throw StorageProbe.Unusable(settings, $"cannot create its lock file {path}: {e.Message}", e);
        }
    }

    private static async Task<NpgsqlConnection> SessionLockAsync(StorageSettings settings, CancellationToken cancellationToken)
    {
        // Its own connection, never pooled: the lock lives as long as this session does.
        var session = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await session.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({PostgreSqlLockKey})", session);
            // The session of a writer that was just killed ends once the server notices: give it a moment.
            for (var attempt = 1; attempt <= PostgreSqlLockAttempts; attempt++)
            {
                if (await command.ExecuteScalarAsync(cancellationToken) is true)
                {
                    return session;
                }
                await Task.Delay(PostgreSqlLockRetry, cancellationToken);
            }
        }
        catch (NpgsqlException e)
        {
            await session.DisposeAsync();
            throw StorageProbe.Unusable(settings, e is PostgresException postgres ? $"{postgres.SqlState}: {postgres.MessageText}" : e.Message, e);
        }
        await session.DisposeAsync();
        throw StorageProbe.Unusable(settings, "another layernas process is using it (it holds the database's layernas advisory lock)");
    }
}
