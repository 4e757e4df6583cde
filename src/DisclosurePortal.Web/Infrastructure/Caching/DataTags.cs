using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace DisclosurePortal.Web.Infrastructure.Caching;

/// <summary>
/// The output cache's tags (<see cref="PublicPageTags"/>) for data held in memory (issue 23): each tag has a change
/// token that <see cref="PublicPageChanges"/> fires when it evicts the pages of that tag, once the change is committed.
/// Take the tokens before reading the data: data read while a change commits is then already expired when stored.
/// The "site" tag (units, domains, stages, the site's identity, a bulk change) fires every token.
/// </summary>
public sealed class DataTags
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _sources = new(StringComparer.Ordinal);

    /// <summary>The tokens for these tags and the "site" tag.</summary>
    public IReadOnlyList<IChangeToken> TokensFor(params IEnumerable<string> tags) =>
        [.. tags.Append(PublicPageTags.Site).Distinct(StringComparer.Ordinal).Select(t => new CancellationChangeToken(Source(t).Token))];

    /// <summary>Options for a memory-cache entry that expires when any of <paramref name="tokens"/> fires, or after
    /// <paramref name="lifetime"/> (the bound on what another node may have changed unseen).</summary>
    public static MemoryCacheEntryOptions Expiring(IEnumerable<IChangeToken> tokens, TimeSpan lifetime)
    {
        var options = new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime };
        foreach (var token in tokens) options.ExpirationTokens.Add(token);
        return options;
    }

    public void Evict(IReadOnlyCollection<string> tags)
    {
        var all = tags.Contains(PublicPageTags.Site);
        foreach (var tag in all ? _sources.Keys.ToList() : tags)
        {
            if (_sources.TryRemove(tag, out var source)) source.Cancel();
        }
    }

    private CancellationTokenSource Source(string tag) => _sources.GetOrAdd(tag, static _ => new CancellationTokenSource());
}
