using System.Data.Common;
using Google.Protobuf;
using LayerNas.Cluster.Hosting;
using LayerNas.Protocol.V1;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LayerNas.Cluster.Tests.Support;

/// <summary>Reads the events a journal (SQLite or PostgreSQL) holds for one persistence id, as the product wrote them.</summary>
internal static class JournalReader
{
    public static IReadOnlyList<IMessage> Events(string databasePath, string persistenceId) =>
        Events(StorageSettings.SqliteFile(databasePath), persistenceId);

    public static IReadOnlyList<IMessage> Events(StorageSettings storage, string persistenceId)
    {
        var parsers = new Dictionary<string, MessageParser>
        {
            [TrialCompleted.Descriptor.FullName] = TrialCompleted.Parser,
            [TrialFailed.Descriptor.FullName] = TrialFailed.Parser,
            [SearchFinished.Descriptor.FullName] = SearchFinished.Parser,
            [SearchCancelled.Descriptor.FullName] = SearchCancelled.Parser,
            [SearchSubmitted.Descriptor.FullName] = SearchSubmitted.Parser,
        };
        using var connection = Open(storage);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT manifest, message FROM journal WHERE persistence_id = @id ORDER BY sequence_number";
        var id = command.CreateParameter();
        id.ParameterName = "@id";
        id.Value = persistenceId;
        command.Parameters.Add(id);
        using var reader = command.ExecuteReader();
        var events = new List<IMessage>();
        while (reader.Read())
        {
            events.Add(parsers[reader.GetString(0)].ParseFrom((byte[])reader[1]));
        }
        return events;
    }

    public static IReadOnlyList<TrialCompleted> Completed(string databasePath, string searchId) =>
        Completed(StorageSettings.SqliteFile(databasePath), searchId);

    public static IReadOnlyList<TrialCompleted> Completed(StorageSettings storage, string searchId) =>
        [.. Events(storage, $"search-{searchId}").OfType<TrialCompleted>()];

    private static DbConnection Open(StorageSettings storage)
    {
        DbConnection connection = storage.IsSqlite
            ? new SqliteConnection($"{storage.ConnectionString};Mode=ReadOnly;Pooling=False")
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(storage.ConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }
}
