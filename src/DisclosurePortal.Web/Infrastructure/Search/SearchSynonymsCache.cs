using DisclosurePortal.Data;
using DisclosurePortal.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DisclosurePortal.Web.Infrastructure.Search;

/// <summary>
/// The 同义词组 (issue 22) as the search reads them: the whole small list, kept in memory for a minute and forgotten at
/// once when an administrator changes it on this node (another node sees the change within the minute).
/// </summary>
public sealed class SearchSynonymsCache(IMemoryCache cache)
{
    private const string Key = "search:synonyms";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public async Task<Synonyms> GetAsync(PortalDbContext db, CancellationToken ct)
    {
        if (cache.TryGetValue(Key, out Synonyms? known) && known is not null) return known;
        var terms = await db.SearchSynonyms.AsNoTracking().Select(g => g.Terms).ToListAsync(ct);
        var synonyms = Synonyms.FromTerms(terms);
        cache.Set(Key, synonyms, Lifetime);
        return synonyms;
    }

    public void Forget() => cache.Remove(Key);
}
