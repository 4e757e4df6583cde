using AngleSharp;
using AngleSharp.Dom;
using DisclosurePortal.Web.Infrastructure;

namespace DisclosurePortal.Web.Tests.Records;

/// <summary>
/// What a record body may turn into (ADR 24): links only to http, https, mailto or a path on the site, whatever the
/// Markdown construct; no image fetched in the reader's name; never an exception for a body already stored.
/// </summary>
public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<string, string> Hostile() => new()
    {
        { "autolink", "<javascript:alert(1)>" },
        { "autolink, mixed case", "<JaVaScRiPt:alert(1)>" },
        { "autolink, vbscript", "<vbscript:msgbox(1)>" },
        { "autolink, data", "<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>" },
        { "autolink, DATA upper case", "<DATA:text/html,hi>" },
        { "inline link", "[点此](javascript:alert(1))" },
        { "inline link, mixed case", "[点此](JavaScript:alert(1))" },
        { "inline link, leading blanks", "[点此](   javascript:alert(1))" },
        { "inline link, line break before", "[点此](\njavascript:alert(1))" },
        { "inline link, angle brackets", "[点此](<javascript:alert(1)>)" },
        { "inline link, entity colon", "[点此](javascript&#58;alert(1))" },
        { "inline link, entity letter", "[点此](&#106;avascript:alert(1))" },
        { "inline link, hex entity colon", "[点此](javascript&#x3A;alert(1))" },
        { "inline link, tab inside scheme", "[点此](java&#x09;script:alert(1))" },
        { "inline link, vbscript", "[点此](vbscript:msgbox(1))" },
        { "inline link, data", "[点此](data:text/html,<script>alert(1)</script>)" },
        { "reference link", "[点此][r]\n\n[r]: javascript:alert(1)" },
        { "collapsed reference link", "[r][]\n\n[r]: javascript:alert(1)" },
        { "shortcut reference link", "[r]\n\n[r]: <vbscript:msgbox(1)>" },
        { "reference link with title", "[点此][r]\n\n[r]: data:text/html,x \"标题\"" },
        { "image", "![图](javascript:alert(1))" },
        { "image, data", "![图](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)" },
        { "reference image", "![图][r]\n\n[r]: javascript:alert(1)" },
        { "link in a table", "| a | b |\n|---|---|\n| [x](javascript:alert(1)) | <vbscript:x> |" },
        { "link in a quote in a list", "- > [x](javascript:alert(1))" },
        { "protocol-relative", "[点此](//evil.example/x)" },
        { "backslash protocol-relative", "[点此](/\\evil.example/x)" },
        { "raw html anchor", "<a href=\"javascript:alert(1)\">x</a>" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task HostileConstruct_NeverComesOutAsAnActiveLinkOrImage(string what, string markdown)
    {
        var doc = await ParseAsync(Renderer.Render(markdown).ToString()!);
        foreach (var element in doc.QuerySelectorAll("[href], [src]"))
        {
            var url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
            Assert.True(Allowed(url), $"{what}: <{element.LocalName}> points to {url}");
        }
        Assert.Empty(doc.QuerySelectorAll("img, script, iframe, object, embed"));
    }

    public static TheoryData<string, string, string> Legitimate() => new()
    {
        { "inline https", "[国务院](https://www.gov.cn/zhengce/)", "https://www.gov.cn/zhengce/" },
        { "inline http", "[旧站](http://old.qingchuan.example/a?b=1&c=2)", "http://old.qingchuan.example/a?b=1&c=2" },
        { "site path", "[另一条信息](/records/12)", "/records/12" },
        { "fragment", "[第二部分](#part-2)", "#part-2" },
        { "autolink", "<https://www.gov.cn/>", "https://www.gov.cn/" },
        { "e-mail autolink", "<office@qingchuan.example>", "mailto:office@qingchuan.example" },
        { "mailto", "[来信](mailto:office@qingchuan.example)", "mailto:office@qingchuan.example" },
        { "reference", "[国务院][gov]\n\n[gov]: https://www.gov.cn/", "https://www.gov.cn/" },
    };

    [Theory]
    [MemberData(nameof(Legitimate))]
    public async Task LegitimateLink_IsKept(string what, string markdown, string href)
    {
        var doc = await ParseAsync(Renderer.Render(markdown).ToString()!);
        Assert.True(doc.QuerySelectorAll("a").Any(a => a.GetAttribute("href") == href), $"{what}: {doc.Body!.InnerHtml}");
    }

    [Theory]
    [InlineData("![](/culture/en)")]
    [InlineData("![](/accessibility/mode?value=senior)")]
    [InlineData("![切换](http://localhost/culture/en)")]
    [InlineData("![](culture/en)")]
    [InlineData("![][r]\n\n[r]: /culture/en")]
    public async Task Image_IsNeverFetched_ItsDescriptionStays(string markdown)
    {
        var doc = await ParseAsync(Renderer.Render("前文" + markdown + "后文").ToString()!);
        Assert.Empty(doc.QuerySelectorAll("img, [src]"));
        Assert.DoesNotContain(doc.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith('/'));
        Assert.Contains("前文", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_OnAnotherSite_BecomesALinkToThePicture()
    {
        var doc = await ParseAsync(Renderer.Render("![规划图](https://img.example/plan.png)").ToString()!);
        Assert.Empty(doc.QuerySelectorAll("img"));
        var link = Assert.Single(doc.QuerySelectorAll("a"));
        Assert.Equal("https://img.example/plan.png", link.GetAttribute("href"));
        Assert.Equal("规划图", link.TextContent);
    }

    [Fact]
    public async Task OrdinaryMarkdown_StillRenders()
    {
        var doc = await ParseAsync(Renderer.Render("### 一、总体要求\n\n**加强**管理。\n\n1. 第一\n2. 第二\n\n> 引用\n\n| 项目 | 金额 |\n|---|--:|\n| 甲 | 1 |\n\n~~删除~~").ToString()!);
        Assert.Equal("一、总体要求", doc.QuerySelector("h3")!.TextContent);
        Assert.Equal("加强", doc.QuerySelector("strong")!.TextContent);
        Assert.Equal(2, doc.QuerySelectorAll("ol li").Length);
        Assert.NotNull(doc.QuerySelector("blockquote"));
        Assert.Equal("1", doc.QuerySelector("td:last-child")!.TextContent);
        Assert.Null(doc.QuerySelector("[style]")); // the CSP allows no inline style
        Assert.Equal("删除", doc.QuerySelector("del")!.TextContent);
    }

    public static TheoryData<string, string> TooDeep() => new()
    {
        { "200 block quotes", new string('>', 200) + " 深处的文字" },
        { "200 nested lists", string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "- 深处的文字\n")) },
        { "quotes and lists", string.Concat(Enumerable.Repeat("> - ", 150)) + "深处的文字" },
        { "5000 emphasis marks", new string('*', 5000) + "深处的文字" + new string('*', 5000) },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public async Task BodyTooDeepForMarkdig_IsShownAsPlainText_NeverThrows(string what, string markdown)
    {
        var html = Renderer.Render(markdown + "\n\n<b>不是标签</b>").ToString()!;
        var doc = await ParseAsync(html);
        Assert.Contains("深处的文字", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector("b"));
        Assert.Contains("深处的文字", Renderer.Excerpt(markdown, 20_000), StringComparison.Ordinal);
        Assert.Contains("深处的文字", Features.Search.SearchSnippets.PlainText(markdown), StringComparison.Ordinal);
        _ = what;
    }

    /// <summary>http(s), mailto, a path on the site or a fragment: nothing else may come out.</summary>
    private static bool Allowed(string url) =>
        url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal)
        || url.StartsWith("mailto:", StringComparison.Ordinal) || url.StartsWith('#')
        || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal));

    [Fact]
    public async Task TheSameBody_IsRenderedOnce_AndAHostileOneStaysNeutralisedWhenKept()
    {
        var renderer = new MarkdownRenderer();
        var body = "## 一、依据\n\n见[通知](javascript:alert(1))和[首页](/)。" + Guid.NewGuid();
        var first = renderer.Render(body);
        var second = renderer.Render(body);
        Assert.Same(first, second); // kept (issue 23): the second reader costs no rendering
        Assert.Equal(first.ToString(), new MarkdownRenderer().Render(body).ToString()); // and is what rendering gives
        var doc = await ParseAsync(second.ToString()!);
        Assert.DoesNotContain(doc.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.NotEqual(first.ToString(), renderer.Render(body + "。").ToString()); // another text, another rendering
    }

    private static Task<IDocument> ParseAsync(string html) =>
        BrowsingContext.New(Configuration.Default).OpenAsync(req => req.Content("<!doctype html><body>" + html));
}
