using System.Globalization;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Shared;

/// <summary>One line of a public list of records.</summary>
/// <param name="IsSummary">摘要公开 (issue 20 §3): the table shows a badge.</param>
public sealed record RecordListItem(int RecordId, string Title, string? DocumentNumber, DateOnly PublishedOn, RecordKind Kind, string DepartmentName, bool IsSummary = false);

/// <summary>
/// A position in a public listing ordered newest first on (发布日期, version id): the key of a row, written in links as
/// <c>20250312-4711</c>.
/// </summary>
public readonly record struct ListingKey(DateOnly PublishedOn, int Id)
{
    public override string ToString() =>
        PublishedOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + Id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? raw, out ListingKey key)
    {
        key = default;
        if (raw is not { Length: >= 10 and <= 20 } || raw[8] != '-') return false;
        if (!DateOnly.TryParseExact(raw.AsSpan(0, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return false;
        if (!int.TryParse(raw.AsSpan(9), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1) return false;
        key = new ListingKey(date, id);
        return true;
    }
}

/// <summary>
/// Which page of a listing is asked for: a page number, and for the pager's 下一页 / 上一页 links the key of the row the
/// page starts after (<c>after</c>) or ends before (<c>before</c>), so that the database seeks instead of skipping.
/// </summary>
public sealed record ListingRequest(int Page, ListingKey? After = null, ListingKey? Before = null)
{
    public static ListingRequest First { get; } = new(1);
}

public static class RecordListing
{
    public const int PageSize = 20;

    /// <summary>
    /// A page of published versions, newest first on (PublishedOn, Id): a stable order that the listing indexes
    /// (IX_RecordVersions_Published_*) serve. Keyset paging (docs/adr/0017): with a cursor the page is one index seek
    /// whatever its depth; a page number without one skips over the index only (ids, no rows), from whichever end of
    /// the listing is nearer; then the page's 20 rows are read by id with their departments joined.
    /// <paramref name="total"/> comes from the published counts, not from counting the listing. With
    /// <paramref name="anchors"/>, a deep page skips from the nearest anchor (<see cref="ListingAnchors"/>).
    /// </summary>
    public static async Task<(PageInfo Page, List<RecordListItem> Items)> PageAsync(
        PortalDbContext db, IQueryable<RecordVersion> published, ListingRequest request, int total, CancellationToken ct,
        ListingAnchors.Listing? anchors = null)
    {
        var info = new PageInfo(request.Page, PageSize, total);
        List<ListingKey> keys;
        if (request.After is null && request.Before is null && request.Page > info.TotalPages)
        {
            keys = []; // past the end: the caller answers 404
        }
        else if (request.After is { } after)
        {
            var (date, id) = (after.PublishedOn, after.Id);
            keys = await Keys(Newest(published.Where(v => v.PublishedOn <= date && (v.PublishedOn < date || v.Id < id))).Take(PageSize), ct);
        }
        else if (request.Before is { } before)
        {
            var (date, id) = (before.PublishedOn, before.Id);
            keys = await Keys(Oldest(published.Where(v => v.PublishedOn >= date && (v.PublishedOn > date || v.Id > id))).Take(PageSize), ct);
            keys.Reverse();
        }
        else if (info.Skip <= total / 2)
        {
            var (from, skip) = await SeekAsync(published, anchors, newest: true, info.Skip, ct);
            keys = await Keys(Newest(from).Skip(skip).Take(PageSize), ct);
        }
        else
        {
            // Nearer the end: count back from the oldest row (the last page has total mod 20 rows, or 20).
            var fromEnd = total - info.Skip - PageSize;
            var (from, skip) = await SeekAsync(published, anchors, newest: false, Math.Max(0, fromEnd), ct);
            keys = await Keys(Oldest(from).Skip(skip).Take(PageSize + Math.Min(0, fromEnd)), ct);
            keys.Reverse();
        }

        var ids = keys.Select(k => k.Id).ToList();
        var rows = ids.Count == 0 ? [] : await (
            from v in db.RecordVersions
            join d in db.Departments on v.DepartmentId equals d.Id
            where ids.Contains(v.Id)
            select new { v.Id, Item = new RecordListItem(v.RecordId, v.Title, v.DocumentNumber, v.PublishedOn!.Value, v.Kind, d.Name, v.IsSummary) }).ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.Id, r => r.Item);
        // A version withdrawn between the two statements is simply left out of this page.
        var items = ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        return (info with
        {
            // A cursor's page may run out early (records withdrawn since the link was made): no 下一页 then.
            HasNextOverride = request.After is not null || request.Before is not null ? keys.Count == PageSize && info.HasNext : null,
            NextAfter = keys.Count > 0 ? keys[^1].ToString() : null,
            PreviousBefore = keys.Count > 0 ? keys[0].ToString() : null,
        }, items);
    }

    /// <summary>
    /// The listing from the nearest anchor at or before <paramref name="skip"/> rows (from the newest or the oldest end),
    /// and the rows still to skip after it. The anchor is found by skipping the first time, then kept.
    /// </summary>
    private static async Task<(IQueryable<RecordVersion> From, int Skip)> SeekAsync(
        IQueryable<RecordVersion> published, ListingAnchors.Listing? anchors, bool newest, int skip, CancellationToken ct)
    {
        if (anchors is null || skip < anchors.Every) return (published, skip);
        var offset = skip - skip % anchors.Every;
        if (!anchors.TryGet(newest, offset, out var anchor))
        {
            var found = await Keys((newest ? Newest(published) : Oldest(published)).Skip(offset).Take(1), ct);
            if (found.Count == 0) return (published, skip);
            anchor = found[0];
            anchors.Keep(newest, offset, anchor);
        }
        var (date, id) = (anchor.PublishedOn, anchor.Id);
        return (newest
            ? published.Where(v => v.PublishedOn <= date && (v.PublishedOn < date || v.Id <= id))
            : published.Where(v => v.PublishedOn >= date && (v.PublishedOn > date || v.Id >= id)), skip - offset);
    }

    private static IQueryable<RecordVersion> Newest(IQueryable<RecordVersion> q) => q.OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id);

    private static IQueryable<RecordVersion> Oldest(IQueryable<RecordVersion> q) => q.OrderBy(v => v.PublishedOn).ThenBy(v => v.Id);

    private static async Task<List<ListingKey>> Keys(IQueryable<RecordVersion> q, CancellationToken ct) =>
        (await q.Select(v => new { v.PublishedOn, v.Id }).ToListAsync(ct)).Select(k => new ListingKey(k.PublishedOn!.Value, k.Id)).ToList();

    public static IQueryable<RecordListItem> Project(PortalDbContext db, IQueryable<RecordVersion> versions) =>
        from v in versions
        join d in db.Departments on v.DepartmentId equals d.Id
        select new RecordListItem(v.RecordId, v.Title, v.DocumentNumber, v.PublishedOn!.Value, v.Kind, d.Name, v.IsSummary);
}
