using DisclosurePortal.Web.Infrastructure.Caching;
using DisclosurePortal.Web.Infrastructure.Search;
using DisclosurePortal.Web.Infrastructure.Site;

namespace DisclosurePortal.Web.Infrastructure.Cluster;

/// <summary>
/// Forgets what a committed change made stale, on this node and (in a cluster, issue 24) on every other: the cached
/// pages of the change's tags, the data held in memory under them (<see cref="DataTags"/>), the search synonyms (the
/// "search" tag) and the site's particulars (the "site" tag). Another node's changes arrive through the
/// <see cref="IEvictionBus"/> and are applied with <see cref="EvictLocallyAsync"/>.
/// </summary>
public sealed class PageEvictions(PublicPageStore store, DataTags data, SearchSynonymsCache synonyms, SiteIdentityStore site, IEvictionBus bus)
{
    /// <summary>After a change committed through this node: here at once, then on the other nodes. (What saved the site's
    /// particulars or the synonyms has already reloaded them on this node.)</summary>
    public async Task EvictAsync(IReadOnlyCollection<string> tags)
    {
        data.Evict(tags);
        await store.EvictAsync(tags);
        bus.Publish(tags);
    }

    /// <summary>A change committed through another node (or, with "site", whatever may have been missed while the bus was
    /// away): the pages and data of its tags, and the site's particulars and the synonyms, which only their own save
    /// reloads on the node that made it.</summary>
    public async Task EvictLocallyAsync(IReadOnlyCollection<string> tags)
    {
        data.Evict(tags);
        if (tags.Contains(PublicPageTags.Site)) site.MarkStale();
        if (tags.Contains(PublicPageTags.Site) || tags.Contains(PublicPageTags.Search)) synonyms.Forget();
        await store.EvictAsync(tags);
    }
}

/// <summary>How a node tells the others which tags to evict (issue 24, ADR 45).</summary>
public interface IEvictionBus
{
    /// <summary>Sends the tags to every other node; never throws (a lost message is made good by <see cref="PageEvictions"/>
    /// on the receiving side, which evicts everything when its connection comes back).</summary>
    void Publish(IReadOnlyCollection<string> tags);
}

/// <summary>A single node: nobody to tell.</summary>
public sealed class NoEvictionBus : IEvictionBus
{
    public void Publish(IReadOnlyCollection<string> tags) { }
}

/// <summary>The wire format of an eviction: the sending node's id, then one tag per line.</summary>
internal static class EvictionMessage
{
    /// <summary>PostgreSQL's NOTIFY payload is under 8,000 bytes; a longer list is sent as "site" (evict everything).</summary>
    public const int MaxBytes = 7000;

    public static string Write(string node, IReadOnlyCollection<string> tags)
    {
        var text = node + "\n" + string.Join("\n", tags);
        return System.Text.Encoding.UTF8.GetByteCount(text) <= MaxBytes ? text : node + "\n" + PublicPageTags.Site;
    }

    public static (string Node, string[] Tags) Read(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0 ? ("", []) : (lines[0], lines[1..]);
    }
}
