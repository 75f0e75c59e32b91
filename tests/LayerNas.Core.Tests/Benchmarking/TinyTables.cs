using LayerNas.Core.Benchmarking;
using LayerNas.Core.Costs;
using LayerNas.Core.Specs;
using LayerNas.Core.Tests.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Benchmarking;

/// <summary>
/// A two-layer space (options x and y, costing 1 and 2, target at most 3) over small tables: the feasible
/// architectures in canonical order are x:x, x:y and y:x; y:y costs 4 and lies outside the target.
/// </summary>
internal static class TinyTables
{
    /// <summary>One row per architecture; y:y is best but infeasible, so y:x is the optimum.</summary>
    public const string SingleSeed = """
        arch,val,test
        x:x,0.60,0.50
        x:y,0.70,0.65
        y:x,0.80,0.75
        y:y,0.99,0.98
        """;

    /// <summary>
    /// Two rows per architecture: x:y is best in its first row but worst on average, so the optimum by mean reward is
    /// y:x (0.80, test 0.80) while a run that reads x:y's first row answers x:y.
    /// </summary>
    public const string TwoSeeds = """
        arch,seed,val,test
        x:x,0,0.60,0.50
        x:x,1,0.60,0.50
        x:y,0,0.95,0.90
        x:y,1,0.45,0.40
        y:x,0,0.80,0.75
        y:x,1,0.80,0.85
        y:y,0,0.99,0.98
        y:y,1,0.99,0.98
        """;

    public static SearchSpec Spec(string strategy = "{\"grid\": {}}", string metrics = "[\"test\"]", string trainer = "") => SpecParser.Parse(
        "{\"name\": \"tiny\", \"layers\": [" +
        "{\"name\": \"a\", \"options\": [{\"name\": \"x\", \"cost\": 1}, {\"name\": \"y\", \"cost\": 2}]}," +
        "{\"name\": \"b\", \"options\": [{\"name\": \"x\", \"cost\": 1}, {\"name\": \"y\", \"cost\": 2}]}]," +
        $"\"cost\": {{\"additive\": {{}}}}, \"target\": {{\"max\": 3}}, \"strategy\": {strategy}, " +
        (trainer.Length > 0 ? $"\"trainer\": {trainer}}}" : $"\"trainer\": {{\"tabular\": {{\"path\": \"t.csv\", \"key\": \"arch\", \"reward\": \"val\", \"metrics\": {metrics}}}}}}}"));

    public static Func<string, string, BenchmarkTable> Loader(string csv) => SpecJson.Tables(("t.csv", csv));

    public static ComparisonTable Table(string csv) => new(BenchmarkTable.Parse(csv, "arch"), "val", "test");

    public static CompiledSearch Compile(string csv, string strategy = "{\"grid\": {}}") => SearchFactory.Compile(Spec(strategy), Loader(csv));
}
