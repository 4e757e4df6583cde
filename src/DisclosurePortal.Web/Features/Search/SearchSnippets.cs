using Microsoft.AspNetCore.Html;

namespace DisclosurePortal.Web.Features.Search;

/// <summary>
/// Titles and snippets with the words marked. The text is always encoded (HtmlContentBuilder.Append) and only the
/// &lt;mark&gt; tags are markup, so nothing in a title or body can become HTML on the results page.
/// </summary>
public static class SearchSnippets
{
    public const int SnippetLength = 140;
    private const int Lead = 40;

    /// <summary>The body as a reader sees it: Markdown to plain text, whitespace collapsed to single spaces; never throws
    /// (a body nested too deeply for Markdig is taken as typed).</summary>
    public static string PlainText(string markdown) => Infrastructure.MarkdownRenderer.PlainText(markdown);

    /// <summary>
    /// About <see cref="SnippetLength"/> characters of the text where the most different words stand close together
    /// (the earliest such place), the words marked: for 农村 危房, the sentence with both rather than the first 农村.
    /// </summary>
    public static IHtmlContent Excerpt(string text, IReadOnlyList<string> words)
    {
        var best = BestWindowStart(text, words);
        var start = Math.Max(0, best - Lead);
        var end = Math.Min(text.Length, start + SnippetLength);
        if (end == text.Length) start = Math.Max(0, end - SnippetLength);
        if (start > 0 && char.IsLowSurrogate(text[start])) start--;
        if (end < text.Length && char.IsLowSurrogate(text[end])) end++;
        var builder = new HtmlContentBuilder();
        if (start > 0) builder.Append("…");
        AppendMarked(builder, text[start..end], words);
        if (end < text.Length) builder.Append("…");
        return builder;
    }

    /// <summary>The whole text, the words marked.</summary>
    public static IHtmlContent Highlight(string text, IReadOnlyList<string> words)
    {
        var builder = new HtmlContentBuilder();
        AppendMarked(builder, text, words);
        return builder;
    }

    /// <summary>
    /// The words as the highlighter looks for them: each split where the index splits it (at anything not a letter or
    /// digit), so that 危房% marks 危房 and 青住建发[2026]28号 marks 青住建发, 2026 and 28号 wherever they stand.
    /// </summary>
    public static IReadOnlyList<string> MarkedParts(IEnumerable<string> words) =>
        words.SelectMany(w => SplitAtSeparators(w)).Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static IEnumerable<string> SplitAtSeparators(string word)
    {
        var part = new System.Text.StringBuilder();
        foreach (var rune in word.EnumerateRunes())
        {
            if (System.Text.Rune.IsLetterOrDigit(rune)) part.Append(rune.ToString());
            else if (part.Length > 0) { yield return part.ToString(); part.Clear(); }
        }
        if (part.Length > 0) yield return part.ToString();
    }

    /// <summary>Where the window with the most different words begins: at one of the words' occurrences (the first 200).</summary>
    private static int BestWindowStart(string text, IReadOnlyList<string> words)
    {
        var found = new List<(int Start, int Word)>();
        for (var w = 0; w < words.Count; w++)
        {
            if (words[w].Length == 0) continue;
            for (var i = text.IndexOf(words[w], StringComparison.OrdinalIgnoreCase); i >= 0 && found.Count < 200;
                 i = text.IndexOf(words[w], i + words[w].Length, StringComparison.OrdinalIgnoreCase))
                found.Add((i, w));
        }
        if (found.Count == 0) return 0;
        found.Sort();
        var (bestStart, bestCount) = (found[0].Start, 0);
        foreach (var (start, _) in found)
        {
            var count = found.Where(o => o.Start >= start && o.Start < start + SnippetLength - Lead).Select(o => o.Word).Distinct().Count();
            if (count > bestCount) (bestStart, bestCount) = (start, count);
        }
        return bestStart;
    }

    /// <summary>True when the text contains one of the words (case-insensitively).</summary>
    public static bool ContainsAny(string? text, IReadOnlyList<string> words) =>
        text is not null && words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static void AppendMarked(HtmlContentBuilder builder, string text, IReadOnlyList<string> words)
    {
        var at = 0;
        foreach (var (start, end) in Ranges(text, words))
        {
            if (start > at) builder.Append(text[at..start]);
            builder.AppendHtml("<mark>").Append(text[start..end]).AppendHtml("</mark>");
            at = end;
        }
        if (at < text.Length) builder.Append(text[at..]);
    }

    /// <summary>Where the words occur, merged where they overlap, in order.</summary>
    private static List<(int Start, int End)> Ranges(string text, IReadOnlyList<string> words)
    {
        var found = new List<(int Start, int End)>();
        foreach (var word in words.Where(w => w.Length > 0))
        {
            for (var i = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.OrdinalIgnoreCase))
                found.Add((i, i + word.Length));
        }
        found.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var r in found)
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            else merged.Add(r);
        }
        return merged;
    }
}
