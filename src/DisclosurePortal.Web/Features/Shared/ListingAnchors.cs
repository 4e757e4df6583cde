using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace DisclosurePortal.Web.Features.Shared;

/// <summary>
/// Keyset anchors for the deep pages of a long listing reached by their number (issue 23): the key of the row every
/// <see cref="Every"/> rows (<c>Paging:AnchorEveryRows</c>, 1,000: 50 pages) from either end, found once by skipping,
/// then sought. Page 2,000 of a column then skips fewer than <see cref="Every"/> index entries after one seek instead
/// of 40,000. An anchor is forgotten with the pages
/// of its listing (<see cref="DataTags"/>: a record published or withdrawn evicts the domain's and the item's tags), and
/// after <see cref="ReferenceData.Lifetime"/> at the latest, the bound on what another node may have changed.
/// </summary>
public sealed class ListingAnchors(DataTags tags, IConfiguration configuration) : IDisposable
{
    /// <summary>Rows between two anchors.</summary>
    public int Every { get; } = Math.Max(RecordListing.PageSize, configuration.GetValue("Paging:AnchorEveryRows", 1000));

    private readonly MemoryCache _anchors = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    /// <summary>The anchors of one listing, named by what selects its rows; the tags of the pages that show it. Take it
    /// before reading the listing, so that an anchor read while a change commits is not kept.</summary>
    public Listing For(string name, params IEnumerable<string> pageTags) => new(this, name, tags.TokensFor(pageTags));

    public void Dispose() => _anchors.Dispose();

    public sealed class Listing
    {
        private readonly ListingAnchors _store;
        private readonly string _name;
        private readonly IReadOnlyList<IChangeToken> _tokens;

        internal Listing(ListingAnchors store, string name, IReadOnlyList<IChangeToken> tokens) =>
            (_store, _name, _tokens) = (store, name, tokens);

        public int Every => _store.Every;

        /// <param name="newest">Counted from the newest row (true) or the oldest.</param>
        /// <param name="offset">Rows before the anchor, a multiple of <see cref="Every"/>.</param>
        public bool TryGet(bool newest, int offset, out ListingKey key) => _store._anchors.TryGetValue(Key(newest, offset), out key);

        public void Keep(bool newest, int offset, ListingKey key)
        {
            var options = DataTags.Expiring(_tokens, ReferenceData.Lifetime);
            options.Size = 1;
            _store._anchors.Set(Key(newest, offset), key, options);
        }

        private string Key(bool newest, int offset) => $"{_name}|{(newest ? 'n' : 'o')}{offset}";
    }
}
