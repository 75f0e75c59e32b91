using LayerNas.Core.Costs;

namespace LayerNas.Core.Specs;

/// <summary>Loads the benchmark tables a spec names and checks their columns, reporting problems at the spec's JSON paths.</summary>
internal static class SpecTables
{
    /// <summary>
    /// Loads a table through the caller's loader, which throws <see cref="SpecException"/> for a table it cannot read;
    /// the problem is reported at <paramref name="jsonPath"/>, the spec section that names the table.
    /// </summary>
    public static BenchmarkTable Load(Func<string, string, BenchmarkTable> loadTable, string path, string keyColumn, string jsonPath)
    {
        try
        {
            return loadTable(path, keyColumn);
        }
        catch (SpecException e)
        {
            throw new SpecException(e.Message, jsonPath, e);
        }
    }

    /// <summary>Throws unless the table has the column a spec setting at <paramref name="jsonPath"/> names.</summary>
    public static void RequireColumn(BenchmarkTable table, string column, string jsonPath)
    {
        if (!table.HasColumn(column))
        {
            // The header is the file's text: name the column asked for, never the ones the file has.
            throw new SpecException($"the table has no column {Quoted.Text(column)}", jsonPath);
        }
    }
}
