using LayerNas.Core.Specs;

namespace LayerNas.Core.Tests.Specs;

public sealed class SpecValidatorTests
{
    private const string BurgerTablePath = "tables/burger.csv";
    private const string TableCost = "{\"table\": {\"path\": \"tables/burger.csv\", \"key\": \"arch\", \"column\": \"cost\"}}";

    [Fact]
    public void The_burger_example_is_valid_as_it_is() =>
        SpecValidator.Validate(SpecParser.Parse(SpecJson.BurgerText), SpecJson.NoTables);

    [Theory]
    [InlineData("layers", "[]", "$.layers: the spec has no layers")]
    [InlineData("layers", null, "$.layers: the spec has no layers")]
    [InlineData("layers[1].name", "\"\"", "$.layers[1].name: a layer needs a name")]
    [InlineData("layers[2].name", "\"bun\"", "$.layers[2].name: layer name 'bun' is used twice (also at $.layers[0])")]
    [InlineData("layers[2].options", "[]", "$.layers[2].options: layer 'topping' has no options")]
    [InlineData("layers[0].options[1].name", "\"\"", "$.layers[0].options[1].name: an option of layer 'bun' has no name")]
    [InlineData("layers[0].options[1].name", "\"plain\"", "$.layers[0].options[1].name: layer 'bun' has two options named 'plain'")]
    [InlineData("layers[0].options[1].name", "\"a:b\"", "$.layers[0].options[1].name: option name 'a:b' contains ':', which separates the options of architecture keys")]
    [InlineData("layers[1].options[2].cost", "-3", "$.layers[1].options[2].cost: cost must be a finite number ≥ 0, got -3")]
    [InlineData("layers[1].options[2].cost", "\"NaN\"", "$.layers[1].options[2].cost: cost must be a finite number ≥ 0, got NaN")]
    [InlineData("layers[1].options[2].cost", "\"Infinity\"", "$.layers[1].options[2].cost: cost must be a finite number ≥ 0, got Infinity")]
    [InlineData("layers[0].default", "\"rye\"", "$.layers[0].default: layer 'bun' has no option 'rye' (options: plain, sesame, brioche, pretzel)")]
    [InlineData("name", "\"evil\\u001b]0;owned\\u0007\"", "$.name: contains the control character U+001B, which terminals would not print as written")]
    [InlineData("name", "\"two\\nlines\"", "$.name: contains the control character U+000A, which terminals would not print as written")]
    [InlineData("layers[1].name", "\"pat\\u202Ety\"", "$.layers[1].name: contains the control character U+202E, which terminals would not print as written")]
    [InlineData("layers[0].options[1].name", "\"ses\\u009bame\"", "$.layers[0].options[1].name: contains the control character U+009B, which terminals would not print as written")]
    [InlineData("layers[0].default", "\"\\u007f\"", "$.layers[0].default: contains the control character U+007F, which terminals would not print as written")]
    public void Bad_layers_are_reported_at_their_path(string path, string? json, string expected) =>
        AssertInvalid(SpecJson.Burger((path, json)), expected);

    [Theory]
    [InlineData("cost", null, "$.cost: no cost model chosen (expected one of: additive, table, convMacs)")]
    [InlineData("cost", "{}", "$.cost: no cost model chosen (expected one of: additive, table, convMacs)")]
    [InlineData("cost", "{\"table\": {\"key\": \"arch\", \"column\": \"cost\"}}", "$.cost.table.path: missing (the benchmark table's CSV file)")]
    [InlineData("cost", "{\"table\": {\"path\": \"t\\u0000.csv\", \"key\": \"arch\", \"column\": \"cost\"}}", "$.cost.table.path: holds a NUL character, which no path or program argument can")]
    [InlineData("cost", "{\"table\": {\"path\": \"t.csv\", \"column\": \"cost\"}}", "$.cost.table.key: missing (the table's column of architecture keys)")]
    [InlineData("cost", "{\"table\": {\"path\": \"t.csv\", \"key\": \"arch\"}}", "$.cost.table.column: missing (the table's column of costs)")]
    [InlineData("target", "{\"min\": -1}", "$.target.min: must be a finite number ≥ 0, got -1")]
    [InlineData("target", "{\"max\": \"NaN\"}", "$.target.max: must be a number ≥ 0, got NaN")]
    [InlineData("target", "{\"min\": 9, \"max\": 7}", "$.target: min (9) is above max (7)")]
    [InlineData("target", "{\"min\": 30, \"max\": 40}", "$.target: no architecture costs between 30 and 40 (costs range from 3 to 12)")]
    [InlineData("target", "{\"max\": 2.5}", "$.target: no architecture costs between 0 and 2.5 (costs range from 3 to 12)")]
    [InlineData("target", "{\"min\": 12.5}", "$.target: no architecture costs 12.5 or more (costs range from 3 to 12)")]
    public void Bad_cost_models_and_targets_are_reported_at_their_path(string path, string? json, string expected) =>
        AssertInvalid(SpecJson.Burger((path, json)), expected);

    [Theory]
    [InlineData("[{\"max\": 6}, {\"min\": -1}]", "$.targets[1].min: must be a finite number ≥ 0, got -1")]
    [InlineData("[{\"min\": 9, \"max\": 7}]", "$.targets[0]: min (9) is above max (7)")]
    [InlineData("[{\"max\": 6}, {\"min\": 30, \"max\": 40}]", "$.targets[1]: no architecture costs between 30 and 40 (costs range from 3 to 12)")]
    [InlineData("[{\"max\": 6}, {\"max\": 6}]", "$.targets: the target between 0 and 6 is named twice")]
    public void Bad_targets_are_reported_at_their_path(string targets, string expected) =>
        AssertInvalid(SpecJson.Burger(("target", null), ("targets", targets)), expected);

    [Fact]
    public void Several_targets_need_layernas_and_no_single_target_beside_them()
    {
        AssertInvalid(SpecJson.Burger(("targets", "[{\"max\": 6}]")), "$.targets: give either target or targets, not both");
        AssertInvalid(SpecJson.Burger(("target", null), ("targets", "[{\"max\": 6}]"), ("strategy", "{\"random\": {}, \"maxTrials\": 5}")),
            "$.targets: several targets are searched by layernas only, not by random");
    }

    [Theory]
    [InlineData(null, "$.strategy: no strategy chosen (expected one of: layernas, random, evolution, reinforce, grid, ppo)")]
    [InlineData("{\"seed\": 3}", "$.strategy: no strategy chosen (expected one of: layernas, random, evolution, reinforce, grid, ppo)")]
    [InlineData("{\"layernas\": {\"buckets\": 0}}", "$.strategy.layernas.buckets: must be from 1 to 10000, got 0")]
    [InlineData("{\"layernas\": {\"buckets\": 10001}}", "$.strategy.layernas.buckets: must be from 1 to 10000, got 10001")]
    [InlineData("{\"layernas\": {\"keepPerBucket\": 0}}", "$.strategy.layernas.keepPerBucket: must be from 1 to 100, got 0")]
    [InlineData("{\"layernas\": {\"spacing\": \"cubic\"}}", "$.strategy.layernas.spacing: unknown spacing 'cubic' (expected one of: linear, log)")]
    [InlineData("{\"layernas\": {\"completion\": \"priciest\"}}", "$.strategy.layernas.completion: unknown completion 'priciest' (expected one of: feasible, most-expensive, cheapest, first)")]
    [InlineData("{\"layernas\": {\"scheduling\": \"eager\"}}", "$.strategy.layernas.scheduling: unknown scheduling 'eager' (expected one of: pipelined, barrier)")]
    [InlineData("{\"layernas\": {\"firstPass\": \"half\"}, \"maxTrials\": 10}", "$.strategy.layernas.firstPass: unknown first pass 'half' (expected one of: spec, fit)")]
    [InlineData("{\"layernas\": {\"leftover\": \"keep\"}, \"maxTrials\": 10}", "$.strategy.layernas.leftover: unknown leftover 'keep' (expected one of: widen, stop)")]
    [InlineData("{\"layernas\": {}, \"maxTrials\": 0}", "$.strategy.maxTrials: must be ≥ 1, got 0")]
    [InlineData("{\"grid\": {}, \"maxTrials\": -5}", "$.strategy.maxTrials: must be ≥ 1, got -5")]
    [InlineData("{\"random\": {}}", "$.strategy.maxTrials: strategy 'random' needs maxTrials ≥ 1")]
    [InlineData("{\"evolution\": {}}", "$.strategy.maxTrials: strategy 'evolution' needs maxTrials ≥ 1")]
    [InlineData("{\"reinforce\": {}}", "$.strategy.maxTrials: strategy 'reinforce' needs maxTrials ≥ 1")]
    [InlineData("{\"evolution\": {\"population\": 0}, \"maxTrials\": 10}", "$.strategy.evolution.population: must be ≥ 1, got 0")]
    [InlineData("{\"evolution\": {\"sampleSize\": 0}, \"maxTrials\": 10}", "$.strategy.evolution.sampleSize: must be ≥ 1, got 0")]
    [InlineData("{\"evolution\": {\"batch\": 0}, \"maxTrials\": 10}", "$.strategy.evolution.batch: must be ≥ 1, got 0")]
    [InlineData("{\"evolution\": {\"population\": 10, \"sampleSize\": 20}, \"maxTrials\": 10}", "$.strategy.evolution.sampleSize: must not exceed population (10), got 20")]
    [InlineData("{\"reinforce\": {\"learningRate\": 0}, \"maxTrials\": 10}", "$.strategy.reinforce.learningRate: must be a finite number > 0, got 0")]
    [InlineData("{\"reinforce\": {\"batch\": 0}, \"maxTrials\": 10}", "$.strategy.reinforce.batch: must be ≥ 1, got 0")]
    [InlineData("{\"reinforce\": {\"baselineDecay\": 1}, \"maxTrials\": 10}", "$.strategy.reinforce.baselineDecay: must be ≥ 0 and < 1, got 1")]
    [InlineData("{\"reinforce\": {\"baselineDecay\": -0.1}, \"maxTrials\": 10}", "$.strategy.reinforce.baselineDecay: must be ≥ 0 and < 1, got -0.1")]
    [InlineData("{\"ppo\": {}}", "$.strategy.maxTrials: strategy 'ppo' needs maxTrials ≥ 1")]
    [InlineData("{\"ppo\": {\"learningRate\": -1}, \"maxTrials\": 10}", "$.strategy.ppo.learningRate: must be a finite number > 0, got -1")]
    [InlineData("{\"ppo\": {\"batch\": 0}, \"maxTrials\": 10}", "$.strategy.ppo.batch: must be ≥ 1, got 0")]
    [InlineData("{\"ppo\": {\"baselineDecay\": 1.5}, \"maxTrials\": 10}", "$.strategy.ppo.baselineDecay: must be ≥ 0 and < 1, got 1.5")]
    [InlineData("{\"ppo\": {\"clip\": 0}, \"maxTrials\": 10}", "$.strategy.ppo.clip: must be a finite number > 0, got 0")]
    [InlineData("{\"ppo\": {\"epochs\": 0}, \"maxTrials\": 10}", "$.strategy.ppo.epochs: must be from 1 to 100, got 0")]
    [InlineData("{\"ppo\": {\"epochs\": 101}, \"maxTrials\": 10}", "$.strategy.ppo.epochs: must be from 1 to 100, got 101")]
    public void Bad_strategies_are_reported_at_their_path(string? json, string expected) =>
        AssertInvalid(SpecJson.Burger(("strategy", json)), expected);

    [Theory]
    [InlineData("{\"layernas\": {\"buckets\": 10000, \"keepPerBucket\": 100, \"spacing\": \"log\", \"completion\": \"first\"}, \"maxTrials\": 1}")]
    [InlineData("{\"layernas\": {\"scheduling\": \"barrier\"}, \"maxTrials\": 10}")]
    [InlineData("{\"layernas\": {\"scheduling\": \"pipelined\"}}")]
    [InlineData("{\"layernas\": {\"scheduling\": \"pipelined\", \"firstPass\": \"fit\"}, \"maxTrials\": 10}")]
    [InlineData("{\"grid\": {}}")]
    [InlineData("{\"random\": {}, \"maxTrials\": 5, \"seed\": 3}")]
    [InlineData("{\"evolution\": {\"population\": 10, \"sampleSize\": 10, \"batch\": 1}, \"maxTrials\": 5}")]
    [InlineData("{\"reinforce\": {\"learningRate\": 0.1, \"batch\": 1, \"baselineDecay\": 0}, \"maxTrials\": 5}")]
    [InlineData("{\"ppo\": {\"learningRate\": 0.1, \"batch\": 1, \"baselineDecay\": 0, \"clip\": 0.3, \"epochs\": 100}, \"maxTrials\": 5}")]
    public void Good_strategies_are_valid(string json) =>
        SpecValidator.Validate(SpecParser.Parse(SpecJson.Burger(("strategy", json))), SpecJson.NoTables);

    [Theory]
    [InlineData(null, "$.trainer: no trainer chosen (expected one of: synthetic, tabular, process)")]
    [InlineData("{\"timeoutSeconds\": 60}", "$.trainer: no trainer chosen (expected one of: synthetic, tabular, process)")]
    [InlineData("{\"synthetic\": {}, \"timeoutSeconds\": 0}", "$.trainer.timeoutSeconds: must be a number of seconds > 0 and ≤ 2592000 (30 days), got 0")]
    [InlineData("{\"synthetic\": {}, \"timeoutSeconds\": 1e300}", "$.trainer.timeoutSeconds: must be a number of seconds > 0 and ≤ 2592000 (30 days), got 1E+300")]
    [InlineData("{\"synthetic\": {}, \"maxRetries\": -1}", "$.trainer.maxRetries: must be from 0 to 100, got -1")]
    [InlineData("{\"synthetic\": {}, \"maxRetries\": 2147483647}", "$.trainer.maxRetries: must be from 0 to 100, got 2147483647")]
    [InlineData("{\"synthetic\": {\"seconds\": 1e9}}", "$.trainer.synthetic: every trial would take at least 1000000000 s, which reaches the trainer's timeout of 3600 s ($.trainer.timeoutSeconds)")]
    [InlineData("{\"synthetic\": {\"seconds\": 10, \"secondsPerCost\": 2, \"jitter\": 0.5}, \"timeoutSeconds\": 8}", "$.trainer.synthetic: every trial would take at least 8 s, which reaches the trainer's timeout of 8 s ($.trainer.timeoutSeconds)")]
    [InlineData("{\"synthetic\": {\"interaction\": -1}}", "$.trainer.synthetic.interaction: must be a finite number ≥ 0, got -1")]
    [InlineData("{\"synthetic\": {\"seconds\": -1}}", "$.trainer.synthetic.seconds: must be a finite number ≥ 0, got -1")]
    [InlineData("{\"synthetic\": {\"secondsPerCost\": -0.5}}", "$.trainer.synthetic.secondsPerCost: must be a finite number ≥ 0, got -0.5")]
    [InlineData("{\"synthetic\": {\"jitter\": 1}}", "$.trainer.synthetic.jitter: must be ≥ 0 and < 1, got 1")]
    [InlineData("{\"synthetic\": {\"interaction\": \"NaN\"}}", "$.trainer.synthetic.interaction: must be a finite number ≥ 0, got NaN")]
    [InlineData("{\"process\": {}}", "$.trainer.process: names no trainer: give the name of a trainer the workers' operator registered (name), or, where clients are trusted, the program to run (command)")]
    [InlineData("{\"process\": {\"name\": \"-x\"}}", "$.trainer.process.name: '-x' is not a trainer name (1 to 64 letters, digits, '.', '_' or '-', starting with a letter or a digit)")]
    [InlineData("{\"process\": {\"name\": \"fm\", \"settings\": {\"epochs\": \"0\"}}}", "$.trainer.process.settings.epochs: must be a whole number from 1 to 2147483647, got '0'")]
    [InlineData("{\"process\": {\"name\": \"fm\", \"settings\": {\"seed\": \"x\"}}}", "$.trainer.process.settings.seed: must be a whole number from 0 to 9223372036854775807, got 'x'")]
    [InlineData("{\"process\": {\"command\": [\"\", \"train.py\"]}}", "$.trainer.process.command[0]: the program name is empty")]
    [InlineData("{\"process\": {\"command\": [\"python3\"], \"env\": {\"A=B\": \"1\"}}}", "$.trainer.process.env: 'A=B' is not an environment variable name")]
    [InlineData("{\"tabular\": {\"key\": \"arch\", \"reward\": \"acc\"}}", "$.trainer.tabular.path: missing (the benchmark table's CSV file)")]
    [InlineData("{\"tabular\": {\"path\": \"tables/\\u0000burger.csv\", \"key\": \"arch\", \"reward\": \"acc\"}}", "$.trainer.tabular.path: holds a NUL character, which no path or program argument can")]
    [InlineData("{\"process\": {\"command\": [\"python3\", \"a\\u0000b.py\"]}}", "$.trainer.process.command[1]: holds a NUL character, which no path or program argument can")]
    [InlineData("{\"tabular\": {\"path\": \"tables/burger.csv\", \"reward\": \"acc\"}}", "$.trainer.tabular.key: missing (the table's column of architecture keys)")]
    [InlineData("{\"tabular\": {\"path\": \"tables/burger.csv\", \"key\": \"arch\"}}", "$.trainer.tabular.reward: missing (the table's column of rewards)")]
    [InlineData("{\"tabular\": {\"path\": \"tables/nope.csv\", \"key\": \"arch\", \"reward\": \"acc\"}}", "$.trainer.tabular: table file not found: tables/nope.csv")]
    [InlineData("{\"tabular\": {\"path\": \"tables/burger.csv\", \"key\": \"name\", \"reward\": \"acc\"}}", "$.trainer.tabular: table tables/burger.csv: the table has no column 'name' in its header (line 1, 3 columns)")]
    [InlineData("{\"tabular\": {\"path\": \"tables/burger.csv\", \"key\": \"arch\", \"reward\": \"accuracy\"}}", "$.trainer.tabular.reward: the table has no column 'accuracy'")]
    [InlineData("{\"tabular\": {\"path\": \"tables/burger.csv\", \"key\": \"arch\", \"reward\": \"acc\", \"metrics\": [\"cost\", \"latency\"]}}", "$.trainer.tabular.metrics[1]: the table has no column 'latency'")]
    public void Bad_trainers_are_reported_at_their_path(string? json, string expected) =>
        AssertInvalid(SpecJson.Burger(("trainer", json)), expected, SpecJson.Tables((BurgerTablePath, SpecJson.BurgerTable())));

    [Fact]
    public void A_tabular_trainer_naming_existing_columns_is_valid() =>
        SpecValidator.Validate(
            SpecParser.Parse(SpecJson.Burger(("trainer", "{\"tabular\": {\"path\": \"tables/burger.csv\", \"key\": \"arch\", \"reward\": \"acc\", \"metrics\": [\"cost\"]}}"))),
            SpecJson.Tables((BurgerTablePath, SpecJson.BurgerTable())));

    [Fact]
    public void A_table_cost_model_covering_every_architecture_is_valid() =>
        SpecValidator.Validate(SpecParser.Parse(SpecJson.Burger(("cost", TableCost))), SpecJson.Tables((BurgerTablePath, SpecJson.BurgerTable())));

    [Fact]
    public void A_table_cost_model_missing_an_architecture_names_it() =>
        AssertInvalid(
            SpecJson.Burger(("cost", TableCost)),
            "$.cost.table: the table has no row for 'plain:beef:bacon'",
            SpecJson.Tables((BurgerTablePath, SpecJson.BurgerTable(missing: "plain:beef:bacon"))));

    [Fact]
    public void A_table_cost_model_missing_its_column_names_it_and_not_the_columns_the_file_has() =>
        AssertInvalid(
            SpecJson.Burger(("cost", TableCost.Replace("\"column\": \"cost\"", "\"column\": \"macs\""))),
            "$.cost.table.column: the table has no column 'macs'",
            SpecJson.Tables((BurgerTablePath, SpecJson.BurgerTable())));

    [Fact]
    public void A_table_cost_model_with_a_negative_cost_names_the_architecture() =>
        AssertInvalid(
            SpecJson.Burger(("cost", TableCost)),
            "$.cost.table.column: the table's 'cost' for 'sesame:bean:cheddar' is -1; costs must be finite and ≥ 0",
            SpecJson.Tables((BurgerTablePath, SpecJson.BurgerTable(cost: key => key == "sesame:bean:cheddar" ? -1 : 5))));

    [Fact]
    public void A_table_cost_model_with_an_empty_cost_names_the_architecture() =>
        AssertInvalid(
            SpecJson.Burger(("cost", TableCost)),
            "$.cost.table.column: the table's 'cost' is empty for 'plain:bean:lettuce'",
            SpecJson.Tables((BurgerTablePath, SpecJson.BurgerTable().Replace("plain:bean:lettuce,3,", "plain:bean:lettuce,,"))));

    [Fact]
    public void A_table_cost_model_whose_table_cannot_be_read_names_the_table() =>
        AssertInvalid(SpecJson.Burger(("cost", TableCost)), "$.cost.table: table file not found: tables/burger.csv", SpecJson.Tables());

    [Fact]
    public void A_target_inside_the_cost_range_that_no_architecture_hits_is_unreachable()
    {
        // Options costing 1 or 10 make architectures costing 2, 11 or 20: the bounds 2…20 contain 5…6, no architecture does.
        var json = SpecJson.Burger(
            ("layers", "[{\"name\": \"a\", \"options\": [{\"name\": \"s\", \"cost\": 1}, {\"name\": \"l\", \"cost\": 10}]}, {\"name\": \"b\", \"options\": [{\"name\": \"s\", \"cost\": 1}, {\"name\": \"l\", \"cost\": 10}]}]"),
            ("target", "{\"min\": 5, \"max\": 6}"));

        AssertInvalid(json, "$.target: no architecture costs between 5 and 6 (costs range from 2 to 20; nearest: 2 and 11)");
    }

    [Fact]
    public void Checks_run_in_spec_order_so_the_first_problem_is_reported()
    {
        var json = SpecJson.Burger(("layers[1].options[0].cost", "-1"), ("strategy", null), ("trainer", null));

        AssertInvalid(json, "$.layers[1].options[0].cost: cost must be a finite number ≥ 0, got -1");
    }

    private static void AssertInvalid(string json, string expected, Func<string, string, global::LayerNas.Core.Costs.BenchmarkTable>? tables = null)
    {
        var spec = SpecParser.Parse(json);

        var error = Assert.Throws<SpecException>(() => SpecValidator.Validate(spec, tables ?? SpecJson.NoTables));

        Assert.Equal(expected, error.Message);
        Assert.Equal(expected[..expected.IndexOf(": ", StringComparison.Ordinal)], error.JsonPath);
    }
}
