using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Publishing;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Shared;

/// <summary>
/// A public listing with its 年份 filter: <c>?year=2026</c> (the page and cursor as <see cref="ListingQuery"/>). A year
/// outside 2000–2100 or not written with four digits is the Chinese 400 page.
/// </summary>
public sealed record YearListingQuery(ListingRequest Request, int? Year) : IQueryFilter<YearListingQuery>
{
    public static class Keys
    {
        public const string Year = "year";
    }

    public static YearListingQuery Read(QueryReader query) =>
        new(ListingQuery.ReadListing(query), query.Year(Keys.Year, ValidYears.Message));
}

/// <summary>
/// The years a listing can be narrowed to — from its newest record's year (or this year, if later) back to its oldest's,
/// two seeks on the listing's index in one statement — and the year chosen, if any. "本年" is this year in China.
/// </summary>
public sealed record ListingYears(int? Selected, int ThisYear, IReadOnlyList<int> Years)
{
    public static async Task<ListingYears> ReadAsync(IQueryable<RecordVersion> published, int? selected, DateOnly today, CancellationToken ct)
    {
        // One statement, two seeks: the newest row, with the oldest's date as a scalar subquery.
        var bounds = await published.OrderByDescending(v => v.PublishedOn)
            .Select(v => new { Newest = v.PublishedOn, Oldest = published.OrderBy(o => o.PublishedOn).Select(o => o.PublishedOn).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        var last = Math.Max(today.Year, bounds?.Newest?.Year ?? today.Year);
        var first = Math.Min(bounds?.Oldest?.Year ?? today.Year, last);
        return new ListingYears(selected, today.Year, [.. Enumerable.Range(first, last - first + 1).Reverse()]);
    }

    /// <summary>The listing narrowed to the chosen year (发布日期 from 1 January to 31 December), or as it is.</summary>
    public IQueryable<RecordVersion> Apply(IQueryable<RecordVersion> published)
    {
        if (Selected is not { } year) return published;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return published.Where(v => v.PublishedOn >= from && v.PublishedOn <= to);
    }
}

/// <summary>The year links above a listing: the listing's address for a year (null: every year).</summary>
public sealed record YearFilterModel(ListingYears Years, Func<int?, string> Link);

/// <summary>A page of records as a table, with the table's caption and the year it is narrowed to.</summary>
public sealed record RecordTableModel(IReadOnlyList<RecordListItem> Records, string Caption, int? Year);
