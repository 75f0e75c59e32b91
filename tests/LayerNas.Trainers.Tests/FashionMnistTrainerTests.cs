using Google.Protobuf;
using LayerNas.Core.Costs.ConvMacs;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Protocol.V1;
using ProcessTrainerSpec = LayerNas.Protocol.V1.ProcessTrainer;

namespace LayerNas.Trainers.Tests;

/// <summary>The Fashion-MNIST example trainer, run for real through the process trainer.</summary>
public sealed class FashionMnistTrainerTests : IDisposable
{
    private readonly TempFolder _logs = new();

    public FashionMnistTrainerTests() => TorchRequirement.Check();

    public void Dispose() => _logs.Dispose();

    private ProcessTrainer Trainer(SearchSpace space, params (string Key, string Value)[] settings)
    {
        var spec = new ProcessTrainerSpec { Command = { TorchRequirement.Python, "trainers/fashion_mnist.py" } };
        foreach (var (key, value) in settings)
        {
            spec.Settings[key] = value;
        }
        return new ProcessTrainer(spec, space, RepositoryFiles.Examples, _logs.Path);
    }

    private static async Task<TrialOutcome> Train(ProcessTrainer trainer, SearchSpace space, Architecture architecture, long trial)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await trainer.TrainAsync(new TrainingJob("torch", trial, architecture, space.Names(architecture), 1), timeout.Token);
    }

    private static ConvMacsCostModel CostModel(SearchSpace space, string kind) =>
        ConvMacsCostModel.Create(new ConvMacsCost { Space = kind }, space);

    public static TheoryData<string, string, string> TwoByTwo => new()
    {
        { "nats-size", "8", "16" },
        { "mobilenet-v2", "k3e1w8", "k3e3w16" },
    };

    [Theory]
    [MemberData(nameof(TwoByTwo))]
    public async Task Two_layers_by_two_options_train_for_real_and_report_the_costs_the_cost_model_computes(string kind, string small, string large)
    {
        var space = new SearchSpace(Enumerable.Range(1, 2).Select(i => new SearchLayer($"l{i}", [new Core.Space.LayerOption(small, 0), new Core.Space.LayerOption(large, 0)])));
        var costs = CostModel(space, kind);
        var settings = new[] { ("space", kind), ("epochs", "1"), ("train_examples", "1000"), ("seed", "0") };
        var outcomes = new List<TrialOutcome>();
        await using (var trainer = Trainer(space, settings))
        {
            var trial = 0;
            foreach (var architecture in space.Enumerate())
            {
                var outcome = await Train(trainer, space, architecture, ++trial);
                outcomes.Add(outcome);
                // Ten balanced classes: anything trained beats a guess.
                Assert.InRange(outcome.Reward, 0.11, 1.0);
                Assert.InRange(outcome.Metrics["test_acc"], 0.11, 1.0);
                Assert.True(outcome.Metrics["latency_ms"] > 0);
                Assert.True(outcome.Metrics["train_seconds"] > 0);
                var figures = costs.Figures(architecture);
                Assert.Equal(figures.Params, outcome.Metrics["params"]);
                Assert.Equal(figures.Macs, outcome.Metrics["macs"]);
            }
        }

        // The same seed in a fresh process trains the same model to the same accuracy.
        await using var again = Trainer(space, settings);
        var repeat = await Train(again, space, space.Enumerate().First(), 1);
        Assert.Equal(outcomes[0].Reward, repeat.Reward);
        Assert.Equal(outcomes[0].Metrics["test_acc"], repeat.Metrics["test_acc"]);
    }

    public static TheoryData<string, SearchSpace> SmallSpaces => new()
    {
        { "nats-size", BuiltInSpaces.NatsSize([8, 16, 24, 32], 3) },
        { "nats-size", BuiltInSpaces.NatsSize([8, 16], 5) },
        { "nats-size", BuiltInSpaces.NatsSize([4, 12, 20], 1) },
        // The space of the committed table examples/tables/fashion-mnist-size.csv.
        { "nats-size", BuiltInSpaces.NatsSize([8, 16, 24, 32, 48, 64], 4) },
        { "mobilenet-v2", BuiltInSpaces.MobileNetV2([3, 5], [1, 3], [8, 16], 2) },
        // Width 16 equals the stem's, so stride-1 blocks of it take the residual path.
        { "mobilenet-v2", BuiltInSpaces.MobileNetV2([3, 7], [1, 6], [16, 24], 3) },
        { "mobilenet-v2", BuiltInSpaces.MobileNetV2([5], [2], [8], 1) },
    };

    [Theory]
    [MemberData(nameof(SmallSpaces))]
    public async Task The_cost_model_equals_what_pytorch_measures_for_every_architecture_of_a_small_space(string kind, SearchSpace space)
    {
        var costs = CostModel(space, kind);
        await using var trainer = Trainer(space, ("space", kind), ("mode", "measure"));
        var trial = 0;
        foreach (var architecture in space.Enumerate())
        {
            var measured = await Train(trainer, space, architecture, ++trial);
            var figures = costs.Figures(architecture);
            Assert.True(
                figures.Params == measured.Metrics["params"] && figures.Macs == measured.Metrics["macs"],
                $"{space.Key(architecture)}: C# {figures}, PyTorch params {measured.Metrics["params"]}, macs {measured.Metrics["macs"]}");
        }
    }

    [Theory]
    [InlineData("fashion-mnist-nats.json")]
    [InlineData("fashion-mnist-mobilenet.json")]
    [InlineData("fashion-mnist-size.json")]
    public async Task The_example_specs_train_through_their_own_trainer_settings(string file)
    {
        var spec = JsonParser.Default.Parse<SearchSpec>(File.ReadAllText(Path.Combine(RepositoryFiles.Examples, file)));
        var space = new SearchSpace(spec.Layers.Select(l => new SearchLayer(l.Name, [.. l.Options.Select(o => new Core.Space.LayerOption(o.Name, o.Cost))])));
        var costs = ConvMacsCostModel.Create(spec.Cost.ConvMacs, space);
        var cheapest = space.Enumerate().First();

        await using var trainer = new ProcessTrainer(spec.Trainer.Process, space, RepositoryFiles.Examples, _logs.Path);
        var outcome = await Train(trainer, space, cheapest, 1);

        Assert.InRange(outcome.Reward, 0.11, 1.0);
        Assert.Equal(costs.Cost(cheapest), outcome.Metrics["macs"]);
    }

    [Fact]
    public async Task A_request_the_trainer_cannot_serve_fails_with_its_reason_and_the_process_stays()
    {
        var space = new SearchSpace([new SearchLayer("l1", [new Core.Space.LayerOption("k3e1w8", 0), new Core.Space.LayerOption("8", 0)])]);
        await using var trainer = Trainer(space, ("space", "mobilenet-v2"), ("mode", "measure"));
        var error = await Assert.ThrowsAsync<TrainerException>(() => Train(trainer, space, new Architecture([1]), 1));
        Assert.Equal("layer 'l1': option '8' is not a block (mobilenet-v2 options look like 'k3e6w16')", error.Message);
        var pid = trainer.ProcessId;

        Assert.Equal(0, (await Train(trainer, space, new Architecture([0]), 2)).Reward);
        Assert.Equal(pid, trainer.ProcessId);
    }
}
