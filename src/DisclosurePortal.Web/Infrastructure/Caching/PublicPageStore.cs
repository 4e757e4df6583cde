using Microsoft.AspNetCore.OutputCaching;

namespace DisclosurePortal.Web.Infrastructure.Caching;

/// <summary>
/// The output cache's store (the framework's memory store inside) with one guard: a page whose request began before
/// an eviction is not stored after it. Without it, a visitor's request that read the database just before a record
/// was withdrawn could finish after the eviction and put the old page back for the whole cache duration.
/// </summary>
public sealed class PublicPageStore(IOutputCacheStore inner, IHttpContextAccessor http) : IOutputCacheStore
{
    private const string GenerationKey = "DisclosurePortal.OutputCacheGeneration";

    // Stores and evictions take turns: the memory store does both synchronously, so the gate is held for microseconds,
    // and only on cache misses and staff changes, never on a hit.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _generation;

    /// <summary>How many evictions there have been; a request notes it when it starts (<see cref="NoteRequestStart"/>).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public void NoteRequestStart(HttpContext context) => context.Items[GenerationKey] = Generation;

    /// <summary>Whether something was evicted since the request started (its page may show what was evicted).</summary>
    public bool EvictedSinceStart(HttpContext context) => context.Items[GenerationKey] is long startedAt && startedAt != Generation;

    /// <summary>Evicts every page carrying any of <paramref name="tags"/>, as one step.</summary>
    public async Task EvictAsync(IEnumerable<string> tags, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            Interlocked.Increment(ref _generation);
            foreach (var tag in tags.Distinct(StringComparer.Ordinal))
                await inner.EvictByTagAsync(tag, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => await EvictAsync([tag], cancellationToken);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (http.HttpContext is { } context && EvictedSinceStart(context)) return;
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
