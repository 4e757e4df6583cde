using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DisclosurePortal.Domain.Search;

/// <summary>
/// 文号 and 索引号 as people type them (issue 22): few can type 〔〕, so <c>青住建发[2026]28号</c>, <c>青住建发（2026）28号</c>,
/// <c>青住建发【2026】第28号</c>, <c>青住建发2026年28号</c>, <c>青住建发2026 28</c> and full-width digits all mean
/// <c>青住建发〔2026〕28号</c>, the form GB/T 9704-2012 (7.2.4) prescribes: 机关代字, the year in 六角括号, the serial
/// without leading zeros (不编虚位) and 号. The one place this rule is written; the search reads queries through it and
/// the record form stores 文号 through it.
/// </summary>
public static partial class DocumentNumbers
{
    private const string Open = "〔[(（【［｛{〈<《";
    private const string Close = "〕])）】］｝}〉>》";

    /// <summary>
    /// The standard form of a 文号 written in any of these ways, or null when <paramref name="text"/> is not one (the
    /// agency code is 1–20 汉字, the year 1949–2099, the serial 1–5 digits).
    /// </summary>
    public static string? Canonical(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        // Spaces may part the year and the serial (青住建发 2026 28), never the 机关代字: 危房 青住建发… is two words.
        var wide = text.Normalize(NormalizationForm.FormKC).Trim();
        var agencyEnd = wide.AsSpan().IndexOfAny("0123456789" + Open + Close);
        if (agencyEnd > 0 && wide.AsSpan(0, agencyEnd).TrimEnd().ContainsAny(" \t\u3000")) return null;
        var flat = Flatten(wide);
        var m = DocumentNumberPattern().Match(flat);
        if (!m.Success) return null;
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 1949) return null;
        var serial = int.Parse(m.Groups["serial"].Value, CultureInfo.InvariantCulture);
        if (serial == 0) return null;
        return string.Create(CultureInfo.InvariantCulture, $"{m.Groups["agency"].Value}〔{year}〕{serial}号");
    }

    /// <summary>
    /// The standard form of an 索引号 typed with full-width characters, spaces, a lower-case check character or other
    /// separators (<c>11511099022152793x 2026 77</c>): <c>11511099022152793X/2026-00077</c>; null when it is not one.
    /// </summary>
    public static string? CanonicalIndexNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var flat = text.Normalize(NormalizationForm.FormKC).Trim();
        var m = IndexNumberPattern().Match(flat);
        if (!m.Success) return null;
        var serial = int.Parse(m.Groups["serial"].Value, CultureInfo.InvariantCulture);
        if (serial == 0) return null;
        var code = m.Groups["code"].Value.ToUpperInvariant();
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        return Publishing.IndexNumber.TryParse(string.Create(CultureInfo.InvariantCulture, $"{code}/{year:D4}-{serial:D5}"), out var number) ? number.ToString() : null;
    }

    /// <summary>
    /// A search query with a 文号 or 索引号 written as stored: the whole query when it is one (so <c>青住建发2026 28</c>
    /// stays one 文号), otherwise each space-separated word that is one; other words unchanged. Null when nothing changed.
    /// </summary>
    public static string? NormaliseQuery(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return null;
        var whole = CanonicalIndexNumber(query) ?? Canonical(query);
        if (whole is not null) return whole == query.Trim() ? null : whole;
        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var changed = false;
        for (var i = 0; i < words.Length; i++)
        {
            if ((CanonicalIndexNumber(words[i]) ?? Canonical(words[i])) is { } standard && standard != words[i])
            {
                words[i] = standard;
                changed = true;
            }
        }
        return changed ? string.Join(' ', words) : null;
    }

    /// <summary>Full-width to half-width (NFKC), whitespace removed, every bracket pair to one kind: what the pattern reads.</summary>
    private static string Flatten(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c)) continue;
            if (Open.Contains(c, StringComparison.Ordinal)) builder.Append('[');
            else if (Close.Contains(c, StringComparison.Ordinal)) builder.Append(']');
            else builder.Append(c);
        }
        return builder.ToString();
    }

    // 机关代字 (汉字, not ending in a digit), the year (bracketed or not, 年 optional), 第 optional, the serial, 号 optional.
    [GeneratedRegex(@"^(?<agency>\p{IsCJKUnifiedIdeographs}{1,20}?)\[?(?<year>(?:19|20)\d{2})\]?年?第?(?<serial>\d{1,5})号?$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentNumberPattern();

    // 18-character unified social credit code, then the year and the serial, with any separators (or none).
    [GeneratedRegex(@"^(?<code>[0-9A-Za-z]{18})[\s/／\-_.·]*(?<year>(?:19|20)\d{2})[\s/／\-_.·年]*(?<serial>\d{1,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex IndexNumberPattern();
}
