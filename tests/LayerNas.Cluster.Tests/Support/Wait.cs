namespace LayerNas.Cluster.Tests.Support;

/// <summary>Waits for a condition, checking it often (every 20 ms unless told), and fails once a deadline passes.</summary>
internal static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan deadline, string what, TimeSpan? every = null)
    {
        var until = DateTime.UtcNow + deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"waited {deadline.TotalSeconds} s for {what}");
            }
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(20));
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan deadline, string what, TimeSpan? every = null)
    {
        var until = DateTime.UtcNow + deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"waited {deadline.TotalSeconds} s for {what}");
            }
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(20));
        }
    }
}
