using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>
/// Editors write Markdown. Raw HTML is disabled (so no sanitizer is needed) and links or images with a scheme other
/// than http, https or mailto (javascript:, data: …) are neutralised.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    public IHtmlContent Render(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, _pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "#";
        }
        return new HtmlString(document.ToHtml(_pipeline));
    }

    /// <summary>The text a reader sees, without markup, whitespace collapsed, cut at a length (for feed summaries).</summary>
    public string Excerpt(string? markdown, int maxLength)
    {
        var plain = Markdown.ToPlainText(markdown ?? string.Empty, _pipeline);
        var text = string.Join(' ', plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= maxLength) return text;
        var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength; // never half a character
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    internal static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') || trimmed.StartsWith('#')) return !trimmed.StartsWith("//", StringComparison.Ordinal);
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)) return !trimmed.Contains(':', StringComparison.Ordinal);
        return uri.Scheme is "http" or "https" or "mailto";
    }
}
