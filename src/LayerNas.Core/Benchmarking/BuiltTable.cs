namespace LayerNas.Core.Benchmarking;

/// <summary>A benchmark table as CSV text, with the architectures (and seeds) it lacks because their training failed or never ran.</summary>
public sealed record BuiltTable(string Csv, int Rows, IReadOnlyList<string> Missing);
