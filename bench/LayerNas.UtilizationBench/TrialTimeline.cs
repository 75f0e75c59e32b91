using LayerNas.Core.Space;
using LayerNas.Protocol.V1;
using Microsoft.Data.Sqlite;

namespace LayerNas.UtilizationBench;

/// <summary>
/// When each trial of a search ran, read back from its SQLite journal: a trial ends when its completion is written
/// (the row's creation time) and starts its measured training time before that, so what it takes to report a result
/// counts against the slots, as it does in a real run.
/// </summary>
internal sealed record TrialTimeline(IReadOnlyList<TimedTrial> Trials)
{
    /// <summary>From the first trial's start to the last one's end, in seconds.</summary>
    public double Span => Trials.Count == 0 ? 0 : (Trials.Max(t => t.End) - Trials.Min(t => t.Start)).TotalSeconds;

    /// <summary>The trials' training times summed, in seconds.</summary>
    public double BusySeconds => Trials.Sum(t => t.Seconds);

    /// <summary>Every completed trial of the one search the journal at <paramref name="database"/> holds.</summary>
    public static TrialTimeline Read(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT created, message FROM journal WHERE manifest = 'layernas.v1.TrialCompleted' ORDER BY ordering";
        using var reader = command.ExecuteReader();
        var trials = new List<TimedTrial>();
        while (reader.Read())
        {
            var completed = TrialCompleted.Parser.ParseFrom((byte[])reader[1]);
            var end = new DateTime(reader.GetInt64(0), DateTimeKind.Utc);
            trials.Add(new TimedTrial(new Architecture([.. completed.Architecture]), end - TimeSpan.FromSeconds(completed.Seconds), end, completed.Seconds));
        }
        return new TrialTimeline(trials);
    }
}

/// <summary>One trained trial: its architecture, when it started and ended, and its measured training time in seconds.</summary>
internal sealed record TimedTrial(Architecture Architecture, DateTime Start, DateTime End, double Seconds);
