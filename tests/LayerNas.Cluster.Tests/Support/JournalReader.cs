using Google.Protobuf;
using LayerNas.Protocol.V1;
using Microsoft.Data.Sqlite;

namespace LayerNas.Cluster.Tests.Support;

/// <summary>Reads the events a SQLite journal holds for one persistence id, as the product wrote them.</summary>
internal static class JournalReader
{
    public static IReadOnlyList<IMessage> Events(string databasePath, string persistenceId)
    {
        var parsers = new Dictionary<string, MessageParser>
        {
            [TrialCompleted.Descriptor.FullName] = TrialCompleted.Parser,
            [TrialFailed.Descriptor.FullName] = TrialFailed.Parser,
            [SearchFinished.Descriptor.FullName] = SearchFinished.Parser,
            [SearchCancelled.Descriptor.FullName] = SearchCancelled.Parser,
            [SearchSubmitted.Descriptor.FullName] = SearchSubmitted.Parser,
        };
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT manifest, message FROM journal WHERE persistence_id = $id ORDER BY sequence_number";
        command.Parameters.AddWithValue("$id", persistenceId);
        using var reader = command.ExecuteReader();
        var events = new List<IMessage>();
        while (reader.Read())
        {
            events.Add(parsers[reader.GetString(0)].ParseFrom((byte[])reader[1]));
        }
        return events;
    }

    public static IReadOnlyList<TrialCompleted> Completed(string databasePath, string searchId) =>
        [.. Events(databasePath, $"search-{searchId}").OfType<TrialCompleted>()];
}
