namespace DisclosurePortal.Web.Features.Shared;

/// <summary>A pager: the page and a function from page number to URL (other query values kept).</summary>
public sealed record PagerModel(PageInfo Page, Func<int, string> Link)
{
    public static PagerModel For(PageInfo page, string path, IEnumerable<KeyValuePair<string, string?>>? keep = null) =>
        new(page, p =>
        {
            var query = (keep ?? []).Where(kv => !string.IsNullOrEmpty(kv.Value)).ToList();
            if (p > 1) query.Add(new("page", p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            // Keyset listings (docs/adr/0017): the neighbouring pages are one index seek from this page's first or last row.
            if (p == page.Page + 1 && page.NextAfter is not null) query.Add(new("after", page.NextAfter));
            if (p == page.Page - 1 && p > 1 && page.PreviousBefore is not null) query.Add(new("before", page.PreviousBefore));
            return query.Count == 0 ? path : path + Microsoft.AspNetCore.Http.QueryString.Create(query).ToUriComponent();
        });
}
