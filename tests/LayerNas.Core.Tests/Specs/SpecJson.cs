using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LayerNas.Core.Costs;
using LayerNas.Core.Specs;

namespace LayerNas.Core.Tests.Specs;

/// <summary>The burger example spec and edits of it, plus in-memory benchmark tables for the spec tests.</summary>
internal static partial class SpecJson
{
    public static string BurgerText => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "burger.json"));

    /// <summary>The burger spec with edits applied: a path such as <c>layers[2].options</c> and the JSON to put there, or null to remove it.</summary>
    public static string Burger(params (string Path, string? Json)[] edits)
    {
        var root = JsonNode.Parse(BurgerText)!;
        foreach (var (path, json) in edits)
        {
            Set(root, path, json);
        }
        return root.ToJsonString();
    }

    /// <summary>A table loader over CSV texts by path that fails as a file loader does: one line naming the table.</summary>
    public static Func<string, string, BenchmarkTable> Tables(params (string Path, string Csv)[] tables) => (path, key) =>
    {
        var csv = tables.FirstOrDefault(t => t.Path == path).Csv ?? throw new SpecException($"table file not found: {path}", null);
        try
        {
            return BenchmarkTable.Parse(csv, key);
        }
        catch (FormatException e)
        {
            throw new SpecException($"table {path}: {e.Message}", null);
        }
    };

    /// <summary>A loader for specs that name no table: any call is a test failure.</summary>
    public static BenchmarkTable NoTables(string path, string key) => throw new InvalidOperationException($"unexpected table load of {path}");

    /// <summary>A burger table with a cost and a reward column for every architecture except <paramref name="missing"/>.</summary>
    public static string BurgerTable(string? missing = null, Func<string, double>? cost = null)
    {
        var space = SpaceBuilder.Build(SpecParser.Parse(BurgerText));
        var lines = new List<string> { "arch,cost,acc" };
        foreach (var architecture in space.Enumerate())
        {
            var key = space.Key(architecture);
            if (key != missing)
            {
                var value = cost?.Invoke(key) ?? architecture.Choices.ToArray().Sum() + 3;
                lines.Add(FormattableString.Invariant($"{key},{value},{0.5 + architecture[0] * 0.1}"));
            }
        }
        return string.Join('\n', lines);
    }

    private static void Set(JsonNode root, string path, string? json)
    {
        var steps = Step().Matches(path).Select(m => m.Groups[1].Success ? (object)m.Groups[1].Value : int.Parse(m.Groups[2].Value)).ToList();
        var parent = root;
        foreach (var step in steps.SkipLast(1))
        {
            parent = step is int index ? parent[index]! : parent[(string)step]!;
        }
        var value = json is null ? null : JsonNode.Parse(json);
        switch (steps[^1])
        {
            case int index:
                parent[index] = value;
                break;
            case string name when json is null:
                parent.AsObject().Remove(name);
                break;
            case string name:
                parent[name] = value;
                break;
        }
    }

    [GeneratedRegex(@"([^.\[\]]+)|\[(\d+)\]")]
    private static partial Regex Step();
}
