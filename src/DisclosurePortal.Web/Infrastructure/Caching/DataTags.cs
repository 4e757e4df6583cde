using System.Collections.Concurrent;
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
