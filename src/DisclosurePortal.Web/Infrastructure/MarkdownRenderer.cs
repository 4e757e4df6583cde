using System.Net;
using System.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>
/// Editors write Markdown; readers get HTML with nothing active in it (ADR 24). Raw HTML is disabled; every link,
/// whatever the construct (inline, reference, autolink), goes only to http, https, mailto or a site-relative path;
/// images are never drawn (the CSP allows only the site's own, and a same-site image would be a request made in the
/// reader's name); and the HTML is then sanitised against exactly the tags, attributes and schemes this class
/// produces, a second wall. A stored body this class cannot render (nesting past Markdig's limit) is shown as plain
/// paragraphs, never an exception.
/// </summary>
public sealed class MarkdownRenderer(ILogger<MarkdownRenderer>? logger = null)
{
    /// <summary>Block quotes and lists inside one another: refused above this at save time (ADR 24).</summary>
    public const int MaxNesting = 32;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = NewSanitizer();

    /// <summary>
    /// Rendered bodies by their Markdown text (issue 23): rendering and sanitising a 1 KB body costs ~1 ms, most of a
    /// record page's work, and a published body is read far more often than it changes. Keyed by the text itself, an
    /// entry can never be stale, on any node; bounded by size (UTF-16 bytes of the HTML), the least used go first.
    /// </summary>
    private readonly MemoryCache _rendered = new(new MemoryCacheOptions
    {
        SizeLimit = RenderedCacheBytes,
    });

    /// <summary>How much rendered HTML is kept: 32 MB, a few thousand bodies.</summary>
    public const long RenderedCacheBytes = 32L * 1024 * 1024;

    /// <summary>Bodies longer than this are rendered each time rather than kept (a rare 500 KB 规范性文件 would crowd out hundreds).</summary>
    private const int LongestKept = 64 * 1024;

    public IHtmlContent Render(string? markdown)
    {
        markdown ??= string.Empty;
        if (markdown.Length > LongestKept) return RenderNow(markdown);
        if (_rendered.TryGetValue(markdown, out IHtmlContent? known) && known is not null) return known;
        var html = RenderNow(markdown);
        var size = html is HtmlString s ? (s.Value?.Length ?? 0) * 2L + markdown.Length * 2L : 1024;
        _rendered.Set(markdown, html, new MemoryCacheEntryOptions { Size = size, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return html;
    }

    private IHtmlContent RenderNow(string markdown)
    {
        try
        {
            var document = Markdown.Parse(markdown, Pipeline);
            Neutralise(document);
            return new HtmlString(Sanitizer.Sanitize(document.ToHtml(Pipeline)));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            // Markdig refuses input nested past its limit (ArgumentException); stored before the save-time check, such
            // a body must still show, so it is shown as the text it is.
            logger?.LogWarning("Markdown body of {Length} characters could not be rendered ({Error}); shown as plain text", markdown.Length, ex.GetType().Name);
            return PlainParagraphs(markdown);
        }
    }

    /// <summary>The text a reader sees, without markup, whitespace collapsed, cut at a length (for feed summaries).</summary>
    public string Excerpt(string? markdown, int maxLength)
    {
        var text = PlainText(markdown);
        if (text.Length <= maxLength) return text;
        var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength; // never half a character
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    /// <summary>The body as a reader sees it, markup removed and whitespace collapsed to single spaces. Never throws.</summary>
    public static string PlainText(string? markdown)
    {
        string plain;
        try
        {
            plain = Markdown.ToPlainText(markdown ?? string.Empty, Pipeline);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            plain = markdown ?? string.Empty; // too deeply nested to parse: the text as typed
        }
        return string.Join(' ', plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// What is wrong with a body an editor is saving, as a message for beside the field, or null: nesting deeper than
    /// <see cref="MaxNesting"/> (Markdig gives up at about 128 and would break every page showing it), or an image
    /// pointing into the portal itself (a state-changing GET fetched in each reader's name). <paramref name="ownHosts"/>
    /// are the host names the portal answers to.
    /// </summary>
    public static string? BodyProblem(string? markdown, IReadOnlyCollection<string> ownHosts)
    {
        if (string.IsNullOrEmpty(markdown)) return null;
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
            _ = document.ToHtml(Pipeline); // deep emphasis passes the parser and fails here
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return NestingMessage;
        }
        if (Depth(document) > MaxNesting) return NestingMessage;
        if (document.Descendants<LinkInline>().Any(l => l.IsImage && IsOwnSite(UrlOf(l), ownHosts)))
            return "正文中的图片不能指向本网站的地址（以“/”开头的地址、相对地址或本网站域名）。请删除该图片，需要展示的图片请作为附件上传。";
        return null;
    }

    private const string NestingMessage = "正文的引用、列表或强调嵌套过深（最多32层），请减少嵌套层次。";

    /// <summary>
    /// Links to anything but an allowed address lose their link (the text stays); images become a link to the picture
    /// when it is on another site, otherwise just their description.
    /// </summary>
    private static void Neutralise(MarkdownDocument document)
    {
        // Both lists are taken before anything moves: Markdig's Descendants misses inlines once the tree is edited.
        var links = document.Descendants<LinkInline>().ToList();
        var autolinks = document.Descendants<AutolinkInline>().ToList();
        foreach (var link in links)
        {
            var url = UrlOf(link);
            link.GetDynamicUrl = null;
            if (link.IsImage)
            {
                link.IsImage = false;
                if (!IsAbsoluteWeb(url)) { Unwrap(link); continue; }
            }
            if (!IsSafe(url)) Unwrap(link);
            else link.Url = url!.Trim();
        }
        foreach (var autolink in autolinks)
        {
            var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            if (!IsSafe(url)) autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    private static string? UrlOf(LinkInline link) => link.GetDynamicUrl?.Invoke() ?? link.Url;

    /// <summary>Puts a link's children where the link was: its text without the link.</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
    }

    /// <summary>http, https or mailto; or a path on this site ("/records/12", "#part"). Nothing else, however spelt.</summary>
    internal static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var trimmed = url.Trim();
        if (trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')) return false;
        if (trimmed.StartsWith('#')) return true;
        if (trimmed.StartsWith('/')) return !trimmed.StartsWith("//", StringComparison.Ordinal);
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto"
               && trimmed.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsAbsoluteWeb(string? url) =>
        IsSafe(url) && Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>Anything but an absolute http(s) URL on another host lands on this site, as a relative URL or by its name.</summary>
    private static bool IsOwnSite(string? url, IReadOnlyCollection<string> ownHosts)
    {
        var trimmed = (url ?? string.Empty).Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || trimmed.StartsWith('/')) return true;
        return ownHosts.Any(h => string.Equals(h, uri.IdnHost, StringComparison.OrdinalIgnoreCase) || string.Equals(h, uri.Host, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>How many block quotes and lists sit inside one another at the deepest point.</summary>
    private static int Depth(ContainerBlock container)
    {
        var deepest = 0;
        foreach (var block in container)
        {
            if (block is not ContainerBlock inner) continue;
            var own = inner is QuoteBlock or ListBlock ? 1 : 0;
            deepest = Math.Max(deepest, own + Depth(inner));
        }
        return deepest;
    }

    private static IHtmlContent PlainParagraphs(string text)
    {
        var html = new StringBuilder();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            html.Append("<p>").Append(WebUtility.HtmlEncode(XmlChars.Safe(paragraph))).Append("</p>\n");
        return new HtmlString(html.ToString());
    }

    /// <summary>Exactly what <see cref="Render"/> can produce: Markdig's CommonMark blocks, pipe tables and emphasis extras.</summary>
    private static HtmlSanitizer NewSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[]
                 {
                     "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code",
                     "em", "strong", "del", "ins", "mark", "sub", "sup", "a", "table", "thead", "tbody", "tr", "th", "td",
                 })
            sanitizer.AllowedTags.Add(tag);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedAttributes.Add("title");
        sanitizer.AllowedAttributes.Add("start");
        sanitizer.UriAttributes.Clear();
        sanitizer.UriAttributes.Add("href");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        // Inline styles (pipe-table alignment) would break the CSP's style-src 'self'; classes mean nothing here.
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedClasses.Clear();
        sanitizer.AllowDataAttributes = false;
        sanitizer.KeepChildNodes = true; // an unexpected tag loses its markup, not its text
        // Relative URLs pass the scheme check; a protocol-relative one ("//host", "/\host") leaves the site.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (!IsSafe(e.OriginalUrl)) e.SanitizedUrl = null;
        };
        return sanitizer;
    }
}
