using System.Text.Json;

namespace LayerNas.Cli.Tests.Support;

/// <summary>Spec files of additive LayerNAS searches over a synthetic trainer that takes a set time per trial.</summary>
internal static class SyntheticSpecs
{
    /// <summary>
    /// Writes a spec of <paramref name="layers"/> layers of six options costing 1…6 and returns its path; a trial takes
    /// <paramref name="seconds"/> plus <paramref name="secondsPerCost"/> per unit of cost, scaled by up to ±<paramref name="jitter"/>.
    /// </summary>
    public static string Write(string folder, string name, ulong seed, double seconds, int layers = 4, double secondsPerCost = 0, double jitter = 0)
    {
        var synthetic = new Dictionary<string, object> { ["seed"] = seed, ["seconds"] = seconds };
        if (secondsPerCost > 0)
        {
            synthetic["secondsPerCost"] = secondsPerCost;
        }
        if (jitter > 0)
        {
            synthetic["jitter"] = jitter;
        }
        var spec = new
        {
            name,
            layers = Enumerable.Range(0, layers).Select(l => new
            {
                name = $"l{l}",
                options = Enumerable.Range(1, 6).Select(o => new { name = $"o{o}", cost = o }),
            }),
            cost = new { additive = new { } },
            target = new { min = 2.0 * layers, max = 4.0 * layers },
            strategy = new { layernas = new { buckets = 5, keepPerBucket = 1 } },
            trainer = new { synthetic },
        };
        var path = Path.Combine(folder, $"{name}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(spec));
        return path;
    }
}
