using LayerNas.Cluster.Workers;

namespace LayerNas.Cluster.Tests.Workers;

public sealed class LeaseBatchSizerTests
{
    private readonly LeaseBatchSizer _sizer = new(TimeSpan.FromMilliseconds(200), max: 64);

    [Fact]
    public void A_slot_that_has_trained_nothing_asks_for_one_trial()
    {
        Assert.Equal(1, _sizer.Next);
    }

    [Fact]
    public void Instant_trials_are_asked_for_in_batches_of_the_maximum()
    {
        _sizer.Observe(TimeSpan.Zero);

        Assert.Equal(64, _sizer.Next);
    }

    [Fact]
    public void A_batch_holds_as_many_trials_as_train_in_the_target_time()
    {
        _sizer.Observe(TimeSpan.FromMilliseconds(40));

        Assert.Equal(5, _sizer.Next);
    }

    [Fact]
    public void Trials_slower_than_the_target_go_one_at_a_time()
    {
        _sizer.Observe(TimeSpan.FromMinutes(3));

        Assert.Equal(1, _sizer.Next);
    }

    [Fact]
    public void The_size_follows_a_slowdown_within_a_few_dozen_trials()
    {
        _sizer.Observe(TimeSpan.Zero);
        for (var i = 0; i < 30; i++)
        {
            _sizer.Observe(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, _sizer.Next);
    }
}
