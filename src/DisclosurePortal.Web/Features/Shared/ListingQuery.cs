namespace DisclosurePortal.Web.Features.Shared;

/// <summary>
/// A public listing's <c>page</c> and its 下一页 / 上一页 cursor, <c>after</c> or <c>before</c> (docs/adr/0017): the one
/// reader of them, for every listing that pages by key.
/// </summary>
public sealed record ListingQuery(ListingRequest Request) : IQueryFilter<ListingQuery>
{
    public static ListingQuery Read(QueryReader query) => new(ReadListing(query));

    /// <summary>For a filter that holds a listing among other values.</summary>
    public static ListingRequest ReadListing(QueryReader query)
    {
        var page = query.Page();
        var (after, before) = (Cursor(query, "after"), Cursor(query, "before"));
        ListingKey? afterKey = null, beforeKey = null;
        var valid = (after, before) switch
        {
            (null, null) => true,
            (not null, null) => Parse(after, out afterKey),
            (null, not null) => Parse(before, out beforeKey),
            _ => false,
        };
        if (!valid)
        {
            query.Refuse("翻页参数有误，请从第 1 页重新翻页。");
            return ListingRequest.First;
        }
        return new ListingRequest(page, afterKey, beforeKey);

        static bool Parse(string raw, out ListingKey? key)
        {
            var ok = ListingKey.TryParse(raw, out var k);
            key = ok ? k : null;
            return ok;
        }
    }

    /// <summary>As typed (an empty value counts as none, as MVC's binding of a string did).</summary>
    private static string? Cursor(QueryReader query, string key) => query.Raw(key).FirstValue is { Length: > 0 } raw ? raw : null;
}
