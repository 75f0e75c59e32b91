using LayerNas.Core.Ledger;
using LayerNas.Core.Specs;
using LayerNas.Core.Tests.Ledger;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Specs;

public sealed class TrialCacheTests
{
    private static SearchSpec Shared()
    {
        var spec = LedgerSpecs.Burger().Spec.Clone();
        spec.TrialCache = TrialCache.Shared;
        return spec;
    }

    [Fact]
    public void Target_budget_name_cost_model_and_strategy_leave_the_fingerprint_as_it_is()
    {
        var spec = Shared();
        var other = spec.Clone();
        other.Name = "another";
        other.Target = new Target { Max = 5 };
        other.Strategy = new Strategy { Evolution = new EvolutionSettings { Population = 3 }, Seed = 9, MaxTrials = 20 };
        other.Cost = new CostModel { Table = new TableCost { Path = "/tables/costs.csv", Key = "arch", Column = "macs" } };
        var targets = spec.Clone();
        targets.Target = null;
        targets.Targets.Add(new Target { Max = 6 });

        Assert.Equal(TrialCache.Fingerprint(spec), TrialCache.Fingerprint(other));
        Assert.Equal(TrialCache.Fingerprint(spec), TrialCache.Fingerprint(targets));
        Assert.StartsWith("t-", TrialCache.Fingerprint(spec));
    }

    [Fact]
    public void A_trainer_setting_table_program_retry_or_space_change_makes_another_fingerprint()
    {
        var spec = Shared();
        var changes = new List<Action<SearchSpec>>
        {
            s => s.Trainer.Synthetic.Seed = 2,
            s => s.Trainer.Synthetic.Interaction = 0.1,
            s => s.Trainer.MaxRetries = 5,
            s => s.Trainer.TimeoutSeconds = 10,
            s => s.Trainer = new Trainer { Tabular = new TabularTrainer { Path = "/tables/a.csv", Key = "arch", Reward = "acc" } },
            s => s.Layers[0].Options[0].Name = "rye",
            s => s.Layers[2].Default = "cheddar",
            s => s.Layers.RemoveAt(2),
        };
        var process = spec.Clone();
        process.Trainer = new Trainer { Process = new ProcessTrainer { Command = { "python3", "train.py" }, Settings = { ["epochs"] = "3", ["lr"] = "0.1" } } };
        var processChanges = new List<Action<SearchSpec>>
        {
            s => s.Trainer.Process.Settings["epochs"] = "4",
            s => s.Trainer.Process.Command[1] = "train2.py",
            s => s.Trainer.Process.Name = "fashion",
            s => s.Trainer.Process.WorkingDirectory = "/elsewhere",
        };
        var tabular = spec.Clone();
        tabular.Trainer = new Trainer { Tabular = new TabularTrainer { Path = "/tables/a.csv", Key = "arch", Reward = "acc" } };

        Assert.All(changes, change => Assert.NotEqual(TrialCache.Fingerprint(spec), TrialCache.Fingerprint(Changed(spec, change))));
        Assert.All(processChanges, change => Assert.NotEqual(TrialCache.Fingerprint(process), TrialCache.Fingerprint(Changed(process, change))));
        Assert.NotEqual(TrialCache.Fingerprint(tabular), TrialCache.Fingerprint(Changed(tabular, s => s.Trainer.Tabular.Path = "/tables/b.csv")));
        Assert.NotEqual(TrialCache.Fingerprint(tabular), TrialCache.Fingerprint(Changed(tabular, s => s.Trainer.Tabular.Reward = "test_acc")));
    }

    [Fact]
    public void Process_settings_in_another_order_make_the_same_fingerprint()
    {
        var spec = Shared();
        spec.Trainer = new Trainer { Process = new ProcessTrainer { Command = { "train" }, Settings = { ["a"] = "1", ["b"] = "2" } } };
        var reordered = spec.Clone();
        reordered.Trainer.Process.Settings.Clear();
        reordered.Trainer.Process.Settings.Add("b", "2");
        reordered.Trainer.Process.Settings.Add("a", "1");

        Assert.Equal(TrialCache.Fingerprint(spec), TrialCache.Fingerprint(reordered));
    }

    [Fact]
    public void A_shared_search_reuses_from_the_ended_shared_searches_of_its_fingerprint_in_order_and_an_unshared_one_from_none()
    {
        var spec = Shared();
        var otherTarget = Changed(spec, s => s.Target = new Target { Max = 5 });
        var unshared = Changed(spec, s => s.TrialCache = TrialCache.Off);
        var open = Changed(spec, s => s.TrialCache = "");
        var otherTrainer = Changed(spec, s => s.Trainer.Synthetic.Seed = 7);
        var ended = new[] { ("a", spec), ("b", unshared), ("c", otherTrainer), ("d", otherTarget), ("e", open) }.Select(e => (e.Item1, TrialCache.Key(e.Item2))).ToList();

        Assert.Equal(["a", "d"], TrialCache.Sources(otherTarget, ended));
        Assert.Empty(TrialCache.Sources(unshared, ended));
        Assert.Empty(TrialCache.Sources(open, ended));
        Assert.Equal(["c"], TrialCache.Sources(otherTrainer, ended));
    }

    [Fact]
    public void A_spec_names_an_unknown_trial_cache_in_one_line_with_its_place()
    {
        var spec = Shared();
        spec.TrialCache = "global";

        var error = Assert.Throws<SpecException>(() => SearchFactory.Compile(spec, SpecJson.NoTables));

        Assert.Equal("$.trialCache: unknown trial cache 'global' (expected one of: off, shared)", error.Message);
    }

    [Fact]
    public void Imports_take_each_trained_architecture_once_from_its_earliest_source_leave_failures_out_and_name_the_search_that_trained_it()
    {
        var search = LedgerSpecs.Burger();
        var imports = new TrialImports("s", search.Problem.Space);
        imports.Add("a", new SearchTrials
        {
            SearchId = "a",
            Trials =
            {
                new TrialRecord { TrialNumber = 1, Architecture = { "plain", "wagyu", "truffle" }, Reward = 0.5, Worker = "w", Seconds = 2, Attempts = 1 },
                new TrialRecord { TrialNumber = 2, Architecture = { "sesame", "wagyu", "truffle" }, Failed = true, FailureReason = "oom" },
            },
        });
        imports.Add("b", new SearchTrials
        {
            SearchId = "b",
            Trials =
            {
                new TrialRecord { TrialNumber = 7, Architecture = { "plain", "wagyu", "truffle" }, Reward = 0.5, ReusedFrom = "a" },
                new TrialRecord { TrialNumber = 8, Architecture = { "pretzel", "bean", "lettuce" }, Reward = 0.25, ReusedFrom = "z", Metrics = { ["test_acc"] = 0.2 } },
            },
        });

        var imported = imports.Event();

        Assert.Equal(["a", "b"], imported.Sources);
        Assert.Equal([("a", 1L, "0:3:3"), ("z", 8L, "3:0:0")], imported.Trials.Select(t => (t.SearchId, t.TrialNumber, string.Join(':', t.Architecture))));
        Assert.Equal(0.2, imported.Trials[1].Metrics["test_acc"]);
    }

    [Fact]
    public void Imports_pass_over_a_trial_that_does_not_fit_the_space_and_keep_the_rest_of_its_page()
    {
        var search = LedgerSpecs.Burger();
        var imports = new TrialImports("s", search.Problem.Space);
        imports.Add("c", new SearchTrials
        {
            SearchId = "c",
            Trials =
            {
                new TrialRecord { TrialNumber = 1, Architecture = { "plain", "tofu", "bacon" }, Reward = 0.9 },
                new TrialRecord { TrialNumber = 2, Architecture = { "plain", "wagyu" }, Reward = 0.9 },
                new TrialRecord { TrialNumber = 3, Architecture = { "plain", "wagyu", "truffle", "truffle" }, Reward = 0.9 },
                new TrialRecord { TrialNumber = 4, Architecture = { "plain", "wagyu", "truffle" }, Reward = 0.5 },
            },
        });

        var imported = imports.Event();

        Assert.Equal(["c"], imported.Sources);
        Assert.Equal([(4L, "0:3:3")], imported.Trials.Select(t => (t.TrialNumber, string.Join(':', t.Architecture))));
    }

    private static SearchSpec Changed(SearchSpec spec, Action<SearchSpec> change)
    {
        var copy = spec.Clone();
        change(copy);
        return copy;
    }
}
