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

    /// <summary>About <see cref="SnippetLength"/> characters of the text around the first word found, the words marked.</summary>
    public static IHtmlContent Excerpt(string text, IReadOnlyList<string> words)
    {
        var first = Ranges(text, words).Select(r => r.Start).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - Lead);
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
