using LayerNas.Cluster.Tests.Support;

namespace LayerNas.Cli.Tests.Support;

/// <summary>Reads across the journals of several searches of a SQLite database.</summary>
internal static class Journal
{
    /// <summary>The search id of every persisted trial completion of these searches, in the order the coordinator recorded them.</summary>
    public static IReadOnlyList<string> CompletionOrder(string databasePath, params string[] searchIds) =>
    [
        .. searchIds
            .SelectMany(id => JournalReader.Completed(databasePath, id).Select(c => (Id: id, c.RecordedUnixMs, c.TrialNumber)))
            .OrderBy(c => c.RecordedUnixMs)
            .ThenBy(c => c.TrialNumber)
            .Select(c => c.Id),
    ];
}
