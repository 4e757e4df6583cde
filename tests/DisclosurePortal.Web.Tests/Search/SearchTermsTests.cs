using DisclosurePortal.Web.Features.Search;
using DisclosurePortal.Web.Infrastructure.Search;

namespace DisclosurePortal.Web.Tests.Search;

/// <summary>How a query becomes words, FTS5 strings and LIKE patterns, and how snippets are marked: no database needed.</summary>
public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("危房", new[] { "危房" })]
    [InlineData("  农村危房改造　补助 ", new[] { "农村危房改造", "补助" })]
    [InlineData("“危房改造”。", new[] { "危房改造" })]
    [InlineData("青财发〔2025〕12号", new[] { "青财发〔2025〕12号" })]
    [InlineData("危房 - * 危房 危房", new[] { "危房" })]
    [InlineData("NEAR OR", new[] { "NEAR", "OR" })]
    public void Words_AreSplitAtSpaces_TrimmedOfQuotes_WithoutPunctuationOnlyWords(string q, string[] words)
    {
        Assert.True(SearchTerms.TryParse(q, out var terms, out var error), error);
        Assert.Equal(words, terms.Words);
    }

    [Theory]
    [InlineData(null, "请输入要搜索的关键词。")]
    [InlineData("   ", "请输入要搜索的关键词。")]
    [InlineData("\"*-%_", "请输入文字或数字，只有标点符号无法搜索。")]
    [InlineData("危房\u0001", "关键词含有无法识别的字符。")]
    [InlineData("1 2 3 4 5 6 7 8 9 10 11", "关键词最多 10 个（以空格分隔）。")]
    public void Refusals_SayWhyInChinese(string? q, string message)
    {
        Assert.False(SearchTerms.TryParse(q, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void ALoneSurrogate_IsRefused()
    {
        var q = "危" + (char)0xD800 + "房";
        Assert.False(SearchTerms.TryParse(q, out _, out var error));
        Assert.Equal("关键词含有无法识别的字符。", error);
    }

    [Fact]
    public void TooLong_IsRefused()
    {
        Assert.False(SearchTerms.TryParse(new string('危', 10_000), out _, out var error));
        Assert.Equal("关键词不能超过 100 个字。", error);
        Assert.True(SearchTerms.TryParse(new string('危', 100), out _, out _));
    }

    [Fact]
    public void Snippets_EncodeTheText_AndMarkEveryOccurrence()
    {
        var html = Render(SearchSnippets.Highlight("<b>危房</b> & 农村危房改造 WeiFang weifang", ["危房", "weifang"]));
        Assert.Equal("&lt;b&gt;<mark>危房</mark>&lt;/b&gt; &amp; 农村<mark>危房</mark>改造 <mark>WeiFang</mark> <mark>weifang</mark>", html);
        Assert.Equal("<mark>危房改造</mark>", Render(SearchSnippets.Highlight("危房改造", ["危房", "房改造"])));

        var text = new string('甲', 200) + "危房" + new string('乙', 200);
        var excerpt = Render(SearchSnippets.Excerpt(text, ["危房"]));
        Assert.StartsWith("…", excerpt, StringComparison.Ordinal);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.Contains("<mark>危房</mark>", excerpt, StringComparison.Ordinal);
        Assert.Equal("开头 <script> 与 标题", SearchSnippets.PlainText("## 开头\n\n<script>\n\n与 **标题**"));
    }

    [Fact]
    public void Excerpts_AreTakenWhereMostWordsStandTogether_AndSeparatorsDoNotHideAWord()
    {
        // 农村 alone early on; 农村 and 危房 together further down: the excerpt is the later place.
        var text = "农村" + new string('甲', 300) + "本次农村危房改造补助" + new string('乙', 300);
        var excerpt = Render(SearchSnippets.Excerpt(text, ["农村", "危房"]));
        Assert.Contains("本次<mark>农村危房</mark>改造", excerpt, StringComparison.Ordinal); // adjacent marks merge
        // Text without the words: its beginning.
        Assert.StartsWith("甲甲", Render(SearchSnippets.Excerpt(new string('甲', 300), ["危房"])), StringComparison.Ordinal);

        Assert.Equal(["危房"], SearchSnippets.MarkedParts(["危房%", "%危房"]));
        Assert.Equal(["青住建发", "2026", "28号"], SearchSnippets.MarkedParts(["青住建发[2026]28号"]));
        Assert.Equal("关于<mark>危房</mark>的通知", Render(SearchSnippets.Highlight("关于危房的通知", SearchSnippets.MarkedParts(["危房%"]))));
    }

    private static string Render(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        return writer.ToString();
    }
}
