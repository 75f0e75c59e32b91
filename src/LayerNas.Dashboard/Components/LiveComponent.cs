using LayerNas.Dashboard.Hosting;
using Microsoft.AspNetCore.Components;

namespace LayerNas.Dashboard.Components;

/// <summary>
/// A page that keeps itself current: it reads the cluster when it renders and again every
/// <see cref="WebSettings.Refresh"/> once it is interactive, so it follows a search without reloading.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    /// <summary>The cluster the page reads.</summary>
    [Inject]
    protected IClusterView Cluster { get; set; } = default!;

    /// <summary>The endpoint's settings.</summary>
    [Inject]
    protected WebSettings Settings { get; set; } = default!;

    /// <summary>Why the last refresh failed (the coordinator did not answer, say); null when it worked.</summary>
    protected string? Problem { get; private set; }

    /// <summary>Cancelled when the page goes away.</summary>
    protected CancellationToken Stopping => _stop.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Reads what the page shows.</summary>
    protected abstract Task RefreshAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => RefreshSafelyAsync();

    /// <inheritdoc />
    protected override void OnAfterRender(bool firstRender)
    {
        // Only an interactive render gets here, so a prerendered page does not poll.
        if (firstRender)
        {
            _ = FollowAsync();
        }
    }

    private async Task FollowAsync()
    {
        using var timer = new PeriodicTimer(Settings.Refresh);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await InvokeAsync(async () =>
                {
                    await RefreshSafelyAsync();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }

    private async Task RefreshSafelyAsync()
    {
        try
        {
            await RefreshAsync(_stop.Token);
            Problem = null;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            Problem = e.Message;
        }
    }
}
