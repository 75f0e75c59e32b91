using LayerNas.Cli.Specs;
using LayerNas.Core.Costs;
using LayerNas.Core.Specs;
using LayerNas.Core.Search;
using LayerNas.Core.LayerNas;

namespace LayerNas.Cli.Tests.Specs;

public sealed class SpecFileTests : IDisposable
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "examples");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_burger_example_loads_and_compiles_as_it_is()
    {
        var path = Path.Combine(Examples, "burger.json");

        var spec = SpecFile.Load(path);

        Assert.Equal(SpecParser.Parse(File.ReadAllText(path)), spec);
        var compiled = SearchFactory.Compile(spec, SpecFile.LoadTable);
        Assert.Equal(new CostTarget(7, 9), compiled.Problem.Target);
    }

    [Theory]
    [InlineData("fashion-mnist-nats.json")]
    [InlineData("fashion-mnist-mobilenet.json")]
    public void The_pytorch_examples_compile_with_conv_macs_and_run_their_trainer_in_the_spec_s_folder(string file)
    {
        var spec = SpecFile.Load(Path.Combine(Examples, file));

        var compiled = SearchFactory.Compile(spec, SpecFile.LoadTable);

        Assert.IsType<Core.Costs.ConvMacs.ConvMacsCostModel>(compiled.Problem.CostModel);
        Assert.Equal(Examples, spec.Trainer.Process.WorkingDirectory);
    }

    [Fact]
    public void An_unknown_conv_macs_space_is_named_at_its_path()
    {
        var path = _folder.Write("bad.json", File.ReadAllText(Path.Combine(Examples, "fashion-mnist-nats.json")).Replace("\"space\": \"nats-size\", \"metric\"", "\"space\": \"resnet\", \"metric\""));

        var error = Assert.Throws<SpecException>(() => SearchFactory.Compile(SpecFile.Load(path), SpecFile.LoadTable));

        Assert.Equal("$.cost.convMacs: space must be 'nats-size' or 'mobilenet-v2', got 'resnet'", error.Message);
    }

    [Fact]
    public void A_missing_spec_file_is_named()
    {
        var path = Path.Combine(_folder.Path, "nope.json");

        var error = Assert.Throws<SpecException>(() => SpecFile.Load(path));

        Assert.Equal($"spec file not found: {path}", error.Message);
    }

    [Fact]
    public void Parse_errors_of_a_file_keep_their_path()
    {
        var path = _folder.Write("bad.json", "{\n  \"layers\": [{ \"name\": \"a\", \"optionz\": [] }]\n}");

        var error = Assert.Throws<SpecException>(() => SpecFile.Load(path));

        Assert.Equal("$.layers[0].optionz: unknown field 'optionz' (expected one of: name, options, default)", error.Message);
    }

    [Fact]
    public void Relative_table_paths_resolve_against_the_spec_s_folder_and_absolute_ones_stay()
    {
        var absolute = Path.Combine(_folder.Path, "elsewhere", "rewards.csv");
        var path = _folder.Write("specs/cnn.json", SpecWithTables("../tables/macs.csv", absolute));

        var spec = SpecFile.Load(path);

        Assert.Equal(Path.Combine(_folder.Path, "tables", "macs.csv"), spec.Cost.Table.Path);
        Assert.Equal(absolute, spec.Trainer.Tabular.Path);
    }

    [Fact]
    public void The_cnn_table_example_compiles_with_its_table_and_finds_a_model_inside_the_budget()
    {
        var spec = SpecFile.Load(Path.Combine(Examples, "cnn-table.json"));
        var tablePath = Path.Combine(Examples, "tables", "cnn4x4.csv");
        Assert.Equal(tablePath, spec.Cost.Table.Path);
        Assert.Equal(tablePath, spec.Trainer.Tabular.Path);

        var compiled = SearchFactory.Compile(spec, SpecFile.LoadTable);

        var table = SpecFile.LoadTable(tablePath, "arch");
        Assert.Equal(256, table.RowCount);
        var space = compiled.Problem.Space;
        var largest = space.Enumerate().Max(a => compiled.Problem.CostModel.Cost(a));
        Assert.True(largest > compiled.Problem.Target.Max, "the target excludes the largest models");
        var state = compiled.NewState();
        var running = state.TakeNewTrials().ToList();
        while (running.Count > 0)
        {
            foreach (var trial in running)
            {
                Assert.True(state.Complete(trial.Number, TrialOutcome.Of(table.Value(space.Key(trial.Architecture), "val_acc")!.Value)));
            }
            running = [.. state.TakeNewTrials()];
        }
        Assert.True(state.IsDone);
        Assert.True(state.TrialsTrained < space.Size, $"trained {state.TrialsTrained} of {space.Size}");
        Assert.Equal(10, ((LayerNasStrategy)state.Strategy).FinalBuckets.Buckets);
        var result = SearchResultBuilder.Build("cnn", compiled, state, "finished");
        Assert.InRange(result.Best.Cost, 0, 2_000_000);
    }

    [Fact]
    public void A_missing_table_file_is_named_at_the_spec_section_that_names_it()
    {
        var path = _folder.Write("spec.json", SpecWithTables("tables/missing.csv", "tables/missing.csv"));
        var spec = SpecFile.Load(path);

        var error = Assert.Throws<SpecException>(() => SpecValidator.Validate(spec, SpecFile.LoadTable));

        Assert.Equal($"$.trainer.tabular: table file not found: {Path.Combine(_folder.Path, "tables", "missing.csv")}", error.Message);
    }

    [Fact]
    public void A_table_missing_an_architecture_is_reported_with_its_key()
    {
        var rows = File.ReadAllLines(Path.Combine(Examples, "tables", "cnn4x4.csv")).Where(l => !l.StartsWith("16:8:32:24,", StringComparison.Ordinal));
        _folder.Write("tables/cnn4x4.csv", string.Join('\n', rows));
        var path = _folder.Write("spec.json", File.ReadAllText(Path.Combine(Examples, "cnn-table.json")));
        var spec = SpecFile.Load(path);

        var error = Assert.Throws<SpecException>(() => SearchFactory.Compile(spec, SpecFile.LoadTable));

        Assert.Equal("$.cost.table: the table has no row for '16:8:32:24'", error.Message);
    }

    [Fact]
    public void A_table_without_the_key_column_is_named_without_quoting_its_header()
    {
        var table = _folder.Write("t.csv", "name,macs\na,1\n");

        var error = Assert.Throws<SpecException>(() => SpecFile.LoadTable(table, "arch"));

        Assert.Equal($"table {table}: the table has no column 'arch' in its header (line 1, 2 columns)", error.Message);
    }

    [Fact]
    public void A_malformed_table_names_the_file_and_the_line()
    {
        var table = _folder.Write("t.csv", "arch,macs\na,1\nb\n");

        var error = Assert.Throws<SpecException>(() => SpecFile.LoadTable(table, "arch"));

        Assert.Equal($"table {table}: line 3 has 1 column, the header has 2", error.Message);
    }

    [Fact]
    public void A_table_path_with_control_characters_is_shown_escaped_on_one_line()
    {
        // A file may be named so on Linux; an error still holds one line and sends the terminal no escape sequence.
        var table = Path.Combine(_folder.Path, "none\n\u001b[31mred.csv");

        var error = Assert.Throws<SpecException>(() => SpecFile.LoadTable(table, "arch"));

        Assert.Equal($"table file not found: {_folder.Path}/none\\n\\u001b[31mred.csv", error.Message);
        Assert.DoesNotContain(error.Message, char.IsControl);
    }

    [Fact]
    public void A_missing_table_file_is_named()
    {
        var table = Path.Combine(_folder.Path, "none.csv");

        var error = Assert.Throws<SpecException>(() => SpecFile.LoadTable(table, "arch"));

        Assert.Equal($"table file not found: {table}", error.Message);
    }

    [Fact]
    public void A_table_is_read_once_and_again_when_its_file_changes()
    {
        var path = _folder.Write("t.csv", "arch,macs\na,1\n");

        var first = SpecFile.LoadTable(path, "arch");
        Assert.Same(first, SpecFile.LoadTable(path, "arch"));
        _folder.Write("t.csv", "arch,macs\na,1\nb,22\n");
        var changed = SpecFile.LoadTable(path, "arch");

        Assert.Equal(1, first.RowCount);
        Assert.Equal(22, changed.Value("b", "macs"));
    }

    private static string SpecWithTables(string costTable, string rewardTable) => $$"""
        {
          "layers": [{ "name": "conv1", "options": [{ "name": "8" }, { "name": "16" }] }],
          "cost": { "table": { "path": "{{costTable}}", "key": "arch", "column": "macs" } },
          "strategy": { "layernas": {} },
          "trainer": { "tabular": { "path": "{{rewardTable}}", "key": "arch", "reward": "val_acc" } }
        }
        """;
}
