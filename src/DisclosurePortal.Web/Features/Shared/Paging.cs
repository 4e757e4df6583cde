namespace DisclosurePortal.Web.Features.Shared;

/// <summary>A page of a listing: which page, how many in all, and how to link to another page.</summary>
public sealed record PageInfo(int Page, int PageSize, int Total)
{
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => HasNextOverride ?? Page < TotalPages;

    /// <summary>Set by a keyset listing reached through a cursor, where the page's own rows say whether more follow.</summary>
    public bool? HasNextOverride { get; init; }

    /// <summary>Keyset listings: the key the next page starts after (the last row's), for the 下一页 link.</summary>
    public string? NextAfter { get; init; }

    /// <summary>Keyset listings: the key the previous page ends before (the first row's), for the 上一页 link.</summary>
    public string? PreviousBefore { get; init; }
    public int Skip => (Page - 1) * PageSize;

    /// <summary>The page numbers to show around the current one (first, last, and a window), 0 standing for a gap.</summary>
    public IEnumerable<int> Window()
    {
        var last = 0;
        for (var p = 1; p <= TotalPages; p++)
        {
            if (p == 1 || p == TotalPages || Math.Abs(p - Page) <= 2)
            {
                if (last != 0 && p - last > 1) yield return 0;
                yield return p;
                last = p;
            }
        }
    }
}

public static class Paging
{
    public const int MaxPage = 100_000;

    /// <summary>A page number from the query string: absent means 1; anything else must be a whole number from 1 up.</summary>
    public static bool TryRead(string? raw, out int page)
    {
        page = 1;
        if (string.IsNullOrEmpty(raw)) return true;
        return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out page)
               && page is >= 1 and <= MaxPage;
    }
}
