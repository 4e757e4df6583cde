using System.Text.RegularExpressions;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>
/// The 落款 (issuing organ and 成文日期) the record page shows after the body of a document with a 文号. Editors paste
/// documents that already end with one (issue 18): then the page does not add a second.
/// </summary>
public static partial class RecordSignature
{
    /// <summary>Whether the page adds the 落款 after <paramref name="body"/>.</summary>
    public static bool IsAdded(string? documentNumber, string? body, string? issuingOrgan) =>
        !string.IsNullOrWhiteSpace(documentNumber) && !EndsWithOne(body, issuingOrgan);

    /// <summary>
    /// The body's last words are the organ's name and then a date (2026年12月6日, 二〇二六年十二月六日, 2026-12-06), on one
    /// line or two, whatever the spacing, emphasis or right-aligning spaces pasted with them.
    /// </summary>
    public static bool EndsWithOne(string? body, string? issuingOrgan)
    {
        var organ = Plain(issuingOrgan);
        if (string.IsNullOrWhiteSpace(body) || organ.Length == 0) return false;
        var lines = body.ReplaceLineEndings("\n").Split('\n').Select(Plain).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || DateAtEnd().Match(lines[^1]) is not { Success: true } date) return false;
        var before = lines[^1][..date.Index];
        if (before.Length == 0 && lines.Count > 1) before = lines[^2];
        return before.EndsWith(organ, StringComparison.Ordinal);
    }

    /// <summary>The text without spaces (full-width ones too) and the Markdown marks a pasted line may carry.</summary>
    private static string Plain(string? line) =>
        new((line ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c is not ('*' or '_' or '\\' or '#' or '>')).ToArray());

    [GeneratedRegex(@"(?:(?:\d{4}|[〇○零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日|\d{4}[-./]\d{1,2}[-./]\d{1,2})$")]
    private static partial Regex DateAtEnd();
}
