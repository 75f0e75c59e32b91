using Microsoft.Data.Sqlite;

namespace LayerNas.Cli.Tests.Support;

/// <summary>Reads across persistence ids of a SQLite journal, in the order events were written.</summary>
internal static class Journal
{
    /// <summary>The search id of every persisted trial completion of these searches, in write order.</summary>
    public static IReadOnlyList<string> CompletionOrder(string databasePath, params string[] searchIds)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT persistence_id FROM journal WHERE manifest = 'layernas.v1.TrialCompleted' ORDER BY ordering";
        using var reader = command.ExecuteReader();
        var order = new List<string>();
        while (reader.Read())
        {
            var searchId = reader.GetString(0)["search-".Length..];
            if (searchIds.Contains(searchId))
            {
                order.Add(searchId);
            }
        }
        return order;
    }
}
