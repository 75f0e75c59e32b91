using System.Collections.Immutable;
using System.Globalization;
using LayerNas.Core.Randomness;

namespace LayerNas.Core.Costs;

/// <summary>A NATS-Bench-style table: one row per architecture (or per architecture and training seed), read from CSV text.</summary>
/// <remarks>The key column holds option names joined by ':' in layer order; every other column is numeric or empty.</remarks>
public sealed class BenchmarkTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly Dictionary<string, ImmutableArray<int>> _rowsByKey;
    private readonly string[][] _cells;

    private BenchmarkTable(string[] header, string[][] cells, string keyColumn)
    {
        Header = [.. header];
        KeyColumn = keyColumn;
        _cells = cells;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            _columns.TryAdd(header[i], i);
        }
        var keyIndex = _columns[keyColumn];
        _rowsByKey = cells
            .Select((row, index) => (row[keyIndex], index))
            .GroupBy(r => r.Item1, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.index).ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>The column names in file order.</summary>
    public ImmutableArray<string> Header { get; }

    /// <summary>The name of the key column.</summary>
    public string KeyColumn { get; }

    /// <summary>How many data rows the table has.</summary>
    public int RowCount => _cells.Length;

    /// <summary>The distinct architecture keys.</summary>
    public IEnumerable<string> Keys => _rowsByKey.Keys;

    /// <summary>Whether the table has a column of this name.</summary>
    public bool HasColumn(string column) => _columns.ContainsKey(column);

    /// <summary>How many rows (training seeds) the table holds for a key; 0 when it has none.</summary>
    public int RowsFor(string key) => _rowsByKey.TryGetValue(key, out var rows) ? rows.Length : 0;

    /// <summary>A numeric cell of the <paramref name="seedIndex"/>-th row of a key, or null when the cell is empty.</summary>
    public double? Value(string key, string column, int seedIndex = 0)
    {
        var text = _cells[_rowsByKey[key][seedIndex]][_columns[column]];
        return text.Length == 0 ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The row of a key that stands for training run <paramref name="seed"/>, as NATS-Bench picks one training seed
    /// per architecture: <see cref="SplitMix64.Hash(ulong, string)"/>(seed, key) modulo the key's rows. Throws
    /// <see cref="ArgumentException"/> for a key the table lacks.
    /// </summary>
    public int SeedRow(string key, ulong seed)
    {
        var rows = RowsFor(key);
        if (rows == 0)
        {
            throw new ArgumentException($"the table has no row for '{key}'", nameof(key));
        }
        return (int)(SplitMix64.Hash(seed, key) % (ulong)rows);
    }

    /// <summary>The mean of a column's non-empty cells over a key's rows (its training seeds), or null when every one is empty.</summary>
    public double? Mean(string key, string column)
    {
        var values = Enumerable.Range(0, RowsFor(key)).Select(row => Value(key, column, row)).OfType<double>().ToList();
        return values.Count == 0 ? null : values.Average();
    }

    /// <summary>
    /// What one training run of a key reads from a column: with a seed, the cell of its <see cref="SeedRow"/>; without
    /// one, the <see cref="Mean"/> over its rows. Null when that cell (or every cell) is empty.
    /// </summary>
    public double? Read(string key, string column, ulong? seed) =>
        seed is { } s ? Value(key, column, SeedRow(key, s)) : Mean(key, column);

    /// <summary>The column that tells apart several rows of one architecture: one per training seed.</summary>
    public const string SeedColumn = "seed";

    /// <summary>
    /// Parses CSV text with a header row; throws <see cref="FormatException"/> naming the line and column at fault.
    /// Every cell but the key's is a finite number or empty. A key may repeat only in a table with a <c>seed</c>
    /// column, once per seed. Messages never quote the text: a table may be a file its reader should not disclose.
    /// </summary>
    public static BenchmarkTable Parse(string csv, string keyColumn)
    {
        var lines = csv.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        if (lines.Count == 0)
        {
            throw new FormatException("the table is empty");
        }
        var header = SplitRow(lines[0]);
        var keyIndex = Array.IndexOf(header, keyColumn);
        if (keyIndex < 0)
        {
            throw new FormatException($"the table has no column '{keyColumn}' in its header (line 1, {Columns(header.Length)})");
        }
        var seedIndex = Array.IndexOf(header, SeedColumn);
        var firstLine = new Dictionary<(string Key, string Seed), int>();
        var rows = new string[lines.Count - 1][];
        for (var i = 1; i < lines.Count; i++)
        {
            var row = SplitRow(lines[i]);
            if (row.Length != header.Length)
            {
                throw new FormatException($"line {i + 1} has {Columns(row.Length)}, the header has {header.Length}");
            }
            for (var c = 0; c < row.Length; c++)
            {
                if (c != keyIndex && row[c].Length > 0 && !(double.TryParse(row[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)))
                {
                    throw new FormatException($"line {i + 1}, column {c + 1}: not a finite number");
                }
            }
            var identity = (row[keyIndex], seedIndex < 0 ? "" : row[seedIndex]);
            if (!firstLine.TryAdd(identity, i + 1))
            {
                throw new FormatException(seedIndex < 0
                    ? $"line {i + 1} repeats the key of line {firstLine[identity]}; a table holds several rows of one architecture only with a '{SeedColumn}' column telling their training runs apart"
                    : $"line {i + 1} repeats the key and seed of line {firstLine[identity]}");
            }
            rows[i - 1] = row;
        }
        return new BenchmarkTable(header, rows, keyColumn);
    }

    private static string Columns(int count) => count == 1 ? "1 column" : $"{count} columns";

    private static string[] SplitRow(string line) => [.. line.Split(',').Select(cell => cell.Trim().Trim('"'))];
}
