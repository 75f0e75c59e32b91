using System.Globalization;
using LayerNas.Core.Costs;
using LayerNas.Protocol.V1;

namespace LayerNas.Dashboard.Views;

/// <summary>How the dashboard writes numbers, times, targets, architectures and worker names.</summary>
public static class Format
{
    /// <summary>A reward: four decimals.</summary>
    public static string Reward(double reward) => reward.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>A cost: up to three decimals, thousands grouped.</summary>
    public static string Cost(double cost) => double.IsPositiveInfinity(cost) ? "∞" : cost.ToString("#,0.###", CultureInfo.InvariantCulture);

    /// <summary>A count, thousands grouped.</summary>
    public static string Count(long count) => count.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A duration in seconds, in the largest unit that keeps it readable.</summary>
    public static string Seconds(double seconds) => seconds switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:0} ms"),
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.#} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h"),
    };

    /// <summary>A moment (Unix milliseconds) in UTC; "—" when not known.</summary>
    public static string Time(long unixMs) => unixMs <= 0
        ? "—"
        : DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A cost target as an interval: "[7, 9]", "≥ 7", "≤ 9" or "any cost".</summary>
    public static string Target(CostTarget target) => (target.Min > 0, double.IsPositiveInfinity(target.Max)) switch
    {
        (true, false) => $"[{Cost(target.Min)}, {Cost(target.Max)}]",
        (true, true) => $"≥ {Cost(target.Min)}",
        (false, false) => $"≤ {Cost(target.Max)}",
        _ => "any cost",
    };

    /// <summary>The target a status reports.</summary>
    public static CostTarget TargetOf(SearchStatus status) => new(status.TargetMin, status.TargetMax);

    /// <summary>An architecture's option names, in layer order.</summary>
    public static string Architecture(IEnumerable<string> names) => string.Join(" · ", names);

    /// <summary>An architecture with its layer names: "bun=brioche patty=chicken".</summary>
    public static string Labelled(IReadOnlyList<string> layers, IReadOnlyList<string> names) =>
        string.Join(" ", names.Select((name, i) => i < layers.Count ? $"{layers[i]}={name}" : name));

    /// <summary>A worker slot by its node's host and port and the slot's own name: "127.0.0.1:4053 slot-2".</summary>
    public static string Worker(string worker)
    {
        if (worker.Length == 0)
        {
            return "—";
        }
        var at = worker.IndexOf('@');
        var path = worker.IndexOf('/', Math.Max(at, 0) + 1);
        var node = at >= 0 && path > at ? worker[(at + 1)..path] : worker;
        var slot = path > 0 ? worker[(worker.LastIndexOf('/') + 1)..] : "";
        return slot.Length > 0 ? $"{node} {slot}" : node;
    }

    /// <summary>A node by host and port: "127.0.0.1:4053".</summary>
    public static string Node(string node) => node.IndexOf('@') is var at and >= 0 ? node[(at + 1)..] : node;

    /// <summary>The metrics of a trial, each as name=value.</summary>
    public static string Metrics(IDictionary<string, double> metrics) =>
        string.Join(" ", metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key}={m.Value:0.####}")));
}
