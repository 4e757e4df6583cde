using System.Globalization;

namespace DisclosurePortal.Domain.Publishing;

/// <summary>
/// A 发文字号 read into its parts: GB/T 9704-2012《党政机关公文格式》§7.2.2 — 发文机关代字、年份、发文顺序号; the year in full
/// within 六角括号 〔〕, the number without 第 and without leading zeros, followed by 号 (e.g. 青府规〔2026〕10号).
/// </summary>
public sealed record DocumentNumber(string Prefix, int Year, int Sequence)
{
    private static readonly char[] Opening = ['〔', '［', '[', '（', '('];
    private static readonly char[] Closing = ['〕', '］', ']', '）', ')'];

    /// <summary>
    /// The parts of <paramref name="text"/>, or null when it is not written prefix〔year〕number号 (a 文号 typed with
    /// ［］, [] or () instead of 〔〕 is read too: older records were entered so).
    /// </summary>
    public static DocumentNumber? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim();
        var open = s.IndexOfAny(Opening);
        if (open < 0) return null;
        var close = s.IndexOfAny(Closing, open + 1);
        if (close < 0) return null;
        var year = s[(open + 1)..close].Trim();
        if (year.Length != 4 || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return null;
        var rest = s[(close + 1)..].Trim();
        if (rest.EndsWith('号')) rest = rest[..^1];
        if (rest.StartsWith('第')) rest = rest[1..];
        if (rest.Length is 0 or > 9 || !int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return null;
        return new DocumentNumber(s[..open].Trim(), y, n);
    }
}

/// <summary>
/// The order of a list sorted by 文号: by 发文机关代字, then year, then 发文顺序号 as numbers — 〔2026〕10号 after 〔2026〕9号,
/// and 〔2026〕1号 after 〔2025〕30号 — not the order of the text. 文号 that cannot be read in parts follow all readable ones,
/// by their text; records without a 文号 come last.
/// </summary>
public sealed class DocumentNumberOrder : IComparer<string?>
{
    public static DocumentNumberOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var (emptyX, emptyY) = (string.IsNullOrWhiteSpace(x), string.IsNullOrWhiteSpace(y));
        if (emptyX || emptyY) return emptyX.CompareTo(emptyY);
        var (a, b) = (DocumentNumber.TryParse(x), DocumentNumber.TryParse(y));
        if (a is null || b is null)
        {
            if (a is not null) return -1;
            if (b is not null) return 1;
            return string.CompareOrdinal(x!.Trim(), y!.Trim());
        }
        var byPrefix = string.CompareOrdinal(a.Prefix, b.Prefix);
        if (byPrefix != 0) return byPrefix;
        var byYear = a.Year.CompareTo(b.Year);
        if (byYear != 0) return byYear;
        var bySequence = a.Sequence.CompareTo(b.Sequence);
        return bySequence != 0 ? bySequence : string.CompareOrdinal(x, y);
    }
}
