using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Specs;

public sealed class SpecParserTests
{
    [Fact]
    public void The_burger_example_parses_as_it_is()
    {
        var spec = SpecParser.Parse(SpecJson.BurgerText);

        Assert.Equal("gburger", spec.Name);
        Assert.Equal(["bun", "patty", "topping"], spec.Layers.Select(l => l.Name));
        Assert.Equal(["plain", "sesame", "brioche", "pretzel"], spec.Layers[0].Options.Select(o => o.Name));
        Assert.Equal([1.0, 2, 3, 4], spec.Layers[2].Options.Select(o => o.Cost));
        Assert.Equal(CostModel.ModelOneofCase.Additive, spec.Cost.ModelCase);
        Assert.Equal((7.0, 9.0), (spec.Target.Min, spec.Target.Max));
        Assert.Equal((4, 1), (spec.Strategy.Layernas.Buckets, spec.Strategy.Layernas.KeepPerBucket));
        Assert.False(spec.Strategy.HasMaxTrials);
        Assert.Equal(1UL, spec.Trainer.Synthetic.Seed);
    }

    [Theory]
    [InlineData("{\n  \"name\": \"x\",\n  \"layers\": [,\n}", "malformed JSON at line 3, column 14: ',' is an invalid start of a value.")]
    [InlineData("{\"name\": \"x\"", "malformed JSON at line 1, column 13: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed.")]
    [InlineData("{\"name\": \"x\",}", "malformed JSON at line 1, column 14: JSON does not allow a trailing comma")]
    [InlineData("{\n  // the burger\n  \"name\": \"x\"}", "malformed JSON at line 2, column 3: JSON does not allow comments")]
    [InlineData("{\"name\": \"x\"} {}", "malformed JSON at line 1, column 15: '{' is invalid after a single JSON value. Expected end of data.")]
    [InlineData("{\"name\": 'x'}", "malformed JSON at line 1, column 10: ''' is an invalid start of a value.")]
    [InlineData("", "the spec is empty")]
    [InlineData(" \n ", "the spec is empty")]
    public void Malformed_json_names_line_and_column_in_one_line(string json, string expected)
    {
        var error = Assert.Throws<SpecException>(() => SpecParser.Parse(json));
        Assert.Equal(expected, error.Message);
        Assert.Null(error.JsonPath);
    }

    [Theory]
    [InlineData("[]", "$: expected an object, got an array")]
    [InlineData("{\"nme\": \"x\"}", "$.nme: unknown field 'nme' (expected one of: name, layers, cost, target, strategy, trainer, targets, trialCache)")]
    [InlineData("{\"layers\": [{\"name\": \"a\", \"optionz\": []}]}", "$.layers[0].optionz: unknown field 'optionz' (expected one of: name, options, default)")]
    [InlineData("{\"layers\": [{\"bad key\": 1}]}", "$.layers[0]['bad key']: unknown field 'bad key' (expected one of: name, options, default)")]
    [InlineData("{\"strategy\": {\"annealing\": {}}}", "$.strategy: unknown strategy 'annealing' (expected one of: layernas, random, evolution, reinforce, grid, ppo)")]
    [InlineData("{\"cost\": {\"flops\": {}}}", "$.cost: unknown cost model 'flops' (expected one of: additive, table, convMacs)")]
    [InlineData("{\"trainer\": {\"pytorch\": {\"epochs\": 3}}}", "$.trainer: unknown trainer 'pytorch' (expected one of: synthetic, tabular, process)")]
    [InlineData("{\"strategy\": {\"maxTrial\": 5}}", "$.strategy.maxTrial: unknown field 'maxTrial' (expected one of: layernas, random, evolution, reinforce, grid, ppo, seed, maxTrials)")]
    [InlineData("{\"strategy\": {\"layernas\": {\"bucket\": 4}}}", "$.strategy.layernas.bucket: unknown field 'bucket' (expected one of: buckets, keepPerBucket, spacing, completion, scheduling, firstPass, leftover)")]
    [InlineData("{\"strategy\": {\"layernas\": {}, \"random\": {}}}", "$.strategy: choose one strategy, not both 'layernas' and 'random'")]
    [InlineData("{\"strategy\": {\"maxTrials\": 5, \"max_trials\": 6}}", "$.strategy.max_trials: 'maxTrials' is set more than once")]
    [InlineData("{\"name\": \"a\", \"name\": \"b\"}", "$.name: 'name' is set more than once")]
    public void Unknown_and_duplicate_fields_are_reported_at_their_path(string json, string expected)
    {
        var error = Assert.Throws<SpecException>(() => SpecParser.Parse(json));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("{\"name\": 3}", "$.name: expected a string, got 3")]
    [InlineData("{\"layers\": {}}", "$.layers: expected an array, got an object")]
    [InlineData("{\"layers\": [null]}", "$.layers[0]: expected an object, got null")]
    [InlineData("{\"layers\": [{\"options\": [{\"name\": \"a\", \"cost\": \"two\"}]}]}", "$.layers[0].options[0].cost: expected a number, got the string 'two'")]
    [InlineData("{\"target\": {\"max\": 1e400}}", "$.target.max: expected a number, got 1e400")]
    [InlineData("{\"strategy\": \"layernas\"}", "$.strategy: expected an object, got the string 'layernas'")]
    [InlineData("{\"strategy\": {\"layernas\": {\"buckets\": 2.5}}}", "$.strategy.layernas.buckets: expected an integer from -2147483648 to 2147483647, got 2.5")]
    [InlineData("{\"strategy\": {\"layernas\": {\"buckets\": 3000000000}}}", "$.strategy.layernas.buckets: expected an integer from -2147483648 to 2147483647, got 3000000000")]
    [InlineData("{\"strategy\": {\"seed\": -1}}", "$.strategy.seed: expected an integer from 0 to 18446744073709551615, got -1")]
    [InlineData("{\"strategy\": {\"maxTrials\": true}}", "$.strategy.maxTrials: expected an integer from -9223372036854775808 to 9223372036854775807, got true")]
    [InlineData("{\"trainer\": {\"process\": {\"command\": \"python train.py\"}}}", "$.trainer.process.command: expected an array, got the string 'python train.py'")]
    [InlineData("{\"trainer\": {\"process\": {\"command\": [\"python\", 3]}}}", "$.trainer.process.command[1]: expected a string, got 3")]
    [InlineData("{\"trainer\": {\"process\": {\"env\": {\"HOME\": 3}}}}", "$.trainer.process.env.HOME: expected a string, got 3")]
    [InlineData("{\"name\": \"line one\\nline two, which goes on and on for a long while, far past sixty characters\\n\", \"layers\": 1}", "$.layers: expected an array, got 1")]
    [InlineData("{\"layers\": \"line one\\nline two, which goes on and on for a long while, far past sixty characters\"}", "$.layers: expected an array, got the string 'line one\\nline two, which goes on and on for a long while, fa…'")]
    public void Wrong_types_are_reported_at_their_path(string json, string expected)
    {
        var error = Assert.Throws<SpecException>(() => SpecParser.Parse(json));

        Assert.Equal(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Proto_field_names_quoted_numbers_and_nulls_follow_the_proto3_json_mapping()
    {
        var spec = SpecParser.Parse("""
            {
              "name": null,
              "layers": [{ "name": "a", "options": [{ "name": "x", "cost": "2.5" }] }],
              "target": { "max": "Infinity" },
              "strategy": { "layernas": { "buckets": "4", "keep_per_bucket": 2 }, "max_trials": "12", "seed": 7 },
              "trainer": { "process": { "command": ["python3", "train.py"], "env": { "A": "1" } } }
            }
            """);

        Assert.Equal("", spec.Name);
        Assert.Equal(2.5, spec.Layers[0].Options[0].Cost);
        Assert.True(double.IsPositiveInfinity(spec.Target.Max));
        Assert.False(spec.Target.HasMin);
        Assert.Equal((4, 2), (spec.Strategy.Layernas.Buckets, spec.Strategy.Layernas.KeepPerBucket));
        Assert.Equal((12L, 7UL), (spec.Strategy.MaxTrials, spec.Strategy.Seed));
        Assert.Equal(["python3", "train.py"], spec.Trainer.Process.Command);
        Assert.Equal("1", spec.Trainer.Process.Env["A"]);
    }
}
