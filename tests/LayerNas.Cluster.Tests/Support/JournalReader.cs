using System.Data;
using System.Data.Common;
using Google.Protobuf;
using LayerNas.Cluster.Hosting;
using LayerNas.Core.Ledger;
using LayerNas.Protocol.V1;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LayerNas.Cluster.Tests.Support;

/// <summary>
/// Reads what a journal (SQLite or PostgreSQL) holds for one persistence id, as the product wrote it: the events its
/// newest snapshot stands for, in the order they were applied, then the events persisted after that snapshot. Events
/// a snapshot covers are deleted from the journal, so this is the whole history the product keeps.
/// </summary>
internal static class JournalReader
{
    private static readonly Dictionary<string, MessageParser> Parsers = new()
    {
        [TrialCompleted.Descriptor.FullName] = TrialCompleted.Parser,
        [TrialFailed.Descriptor.FullName] = TrialFailed.Parser,
        [SearchFinished.Descriptor.FullName] = SearchFinished.Parser,
        [SearchCancelled.Descriptor.FullName] = SearchCancelled.Parser,
        [SearchSubmitted.Descriptor.FullName] = SearchSubmitted.Parser,
        [TrialsImported.Descriptor.FullName] = TrialsImported.Parser,
        [SearchLedgerSnapshot.Descriptor.FullName] = SearchLedgerSnapshot.Parser,
        [SearchManagerSnapshot.Descriptor.FullName] = SearchManagerSnapshot.Parser,
    };

    public static IReadOnlyList<IMessage> Events(string databasePath, string persistenceId) =>
        Events(StorageSettings.SqliteFile(databasePath), persistenceId);

    public static IReadOnlyList<IMessage> Events(StorageSettings storage, string persistenceId)
    {
        using var connection = Open(storage);
        // One read transaction, so a snapshot saved (and the events it covers deleted) meanwhile is not half seen.
        using var transaction = connection.BeginTransaction(storage.IsSqlite ? IsolationLevel.Serializable : IsolationLevel.RepeatableRead);
        var (snapshotSequence, events) = Snapshot(connection, transaction, persistenceId);
        using var command = Command(connection, transaction, "SELECT manifest, message FROM journal WHERE persistence_id = @id AND sequence_number > @after AND deleted = @no ORDER BY sequence_number", persistenceId);
        Parameter(command, "@after", snapshotSequence);
        Parameter(command, "@no", false);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            events.Add(Parsers[reader.GetString(0)].ParseFrom((byte[])reader[1]));
        }
        return events;
    }

    public static IReadOnlyList<TrialCompleted> Completed(string databasePath, string searchId) =>
        Completed(StorageSettings.SqliteFile(databasePath), searchId);

    public static IReadOnlyList<TrialCompleted> Completed(StorageSettings storage, string searchId) =>
        [.. Events(storage, $"search-{searchId}").OfType<TrialCompleted>()];

    private static (long Sequence, List<IMessage> Events) Snapshot(DbConnection connection, DbTransaction transaction, string persistenceId)
    {
        using var command = Command(connection, transaction, "SELECT sequence_number, manifest, snapshot FROM snapshot WHERE persistence_id = @id ORDER BY sequence_number DESC LIMIT 1", persistenceId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return (0, []);
        }
        var sequence = reader.GetInt64(0);
        return Parsers[reader.GetString(1)].ParseFrom((byte[])reader[2]) switch
        {
            SearchLedgerSnapshot ledger => (sequence, [.. LedgerSnapshots.Events(ledger)]),
            SearchManagerSnapshot manager => (sequence, [.. manager.Searches.SelectMany(s => new IMessage?[] { s.Submitted, s.Finished }).OfType<IMessage>()]),
            var other => throw new InvalidOperationException($"unexpected snapshot {other.Descriptor.Name}"),
        };
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, string persistenceId)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Parameter(command, "@id", persistenceId);
        return command;
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static DbConnection Open(StorageSettings storage)
    {
        DbConnection connection = storage.IsSqlite
            ? new SqliteConnection($"{storage.ConnectionString};Mode=ReadOnly;Pooling=False")
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(storage.ConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }
}
