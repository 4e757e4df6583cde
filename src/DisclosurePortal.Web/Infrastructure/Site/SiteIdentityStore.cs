using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Infrastructure.Site;

/// <summary>
/// The site's particulars held in memory: every page reads them, so they are one row read at start, after each change
/// through this node, and at most <see cref="MaxAge"/> after a change through another node (a cluster, issue 24).
/// </summary>
public sealed class SiteIdentityStore(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Loaded? _loaded;

    private sealed record Loaded(SiteProfile Profile, DateTimeOffset At);

    /// <summary>The particulars as last read (the start reads them before the first request).</summary>
    public SiteProfile Current => _loaded?.Profile ?? throw new InvalidOperationException("The site identity is read on start (SiteIdentityStore.LoadAsync).");

    /// <summary>Reads the row again.</summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        await _loading.WaitAsync(ct);
        try
        {
            await LoadUnlockedAsync(ct);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>
    /// Reads the row again if the copy is older than <see cref="MaxAge"/>, or on every request while the site awaits its
    /// setup (a fresh install has no visitors, and the setup may be done through another node or by the data generator).
    /// One request reads; the others go on with the copy.
    /// </summary>
    public async ValueTask RefreshIfStaleAsync(CancellationToken ct)
    {
        if (_loaded is { } loaded && Fresh(loaded)) return;
        if (!await _loading.WaitAsync(_loaded?.Profile.NeedsSetup == true ? Timeout.Infinite : 0, ct)) return;
        try
        {
            if (_loaded is { } again && Fresh(again)) return;
            await LoadUnlockedAsync(ct);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Whether the particulars were read at least once.</summary>
    public bool HasCopy => _loaded is not null;

    /// <summary>The site's particulars changed through another node (issue 24): the next request reads them again.</summary>
    public void MarkStale()
    {
        if (_loaded is { } loaded) _loaded = loaded with { At = DateTimeOffset.MinValue };
    }

    private bool Fresh(Loaded loaded) => !loaded.Profile.NeedsSetup && clock.GetUtcNow() - loaded.At < MaxAge;

    private async Task LoadUnlockedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var row = await db.SiteIdentities.AsNoTracking().FirstOrDefaultAsync(ct);
        var profile = row is not null
            ? SiteProfile.From(row)
            : SiteProfile.Placeholder(configuration, needsSetup: !await db.Users.AnyAsync(ct));
        _loaded = new Loaded(profile, clock.GetUtcNow());
    }
}
