using DisclosurePortal.Domain.Search;

namespace DisclosurePortal.Domain.Tests.Search;

/// <summary>The tokens the search index keeps (issue 22, docs/adr/0041), and the phrases query words become.</summary>
public sealed class SearchTokensTests
{
    [Theory]
    // A run of 汉字: its pairs, then its last character alone, so that every character starts one token.
    [InlineData("农村危房改造", "农村 村危 危房 房改 改造 造")]
    [InlineData("税", "税")]
    [InlineData("低保", "低保 保")]
    // Punctuation, brackets and spaces only separate; digits and letters are runs of their own, in lower case.
    [InlineData("青住建发〔2026〕28号", "青住 住建 建发 发 2026 28 号")]
    [InlineData("ISO9001认证", "iso 9001 认证 证")]
    [InlineData("PM2.5", "pm 2 5")]
    // NFKC: full-width letters and digits are ASCII; 〇 and 々 are 汉字 of a run.
    [InlineData("Ａｂｃ２０２６", "abc 2026")]
    [InlineData("二〇二六年", "二〇 〇二 二六 六年 年")]
    [InlineData("人々", "人々 々")]
    // Characters beyond the BMP are one character each, not two UTF-16 units.
    [InlineData("𠀀𠀁", "𠀀𠀁 𠀁")]
    [InlineData("Ελλάδα Москва", "ελλάδα москва")]
    [InlineData("  ——…！？  ", "")]
    [InlineData("", "")]
    public void Text_IsTokenized_AsTheIndexKeepsIt(string text, string expected) =>
        Assert.Equal(expected, SearchTokens.Join(text));

    [Theory]
    // A word of two or more 汉字: its pairs in a row, the lone last character dropped (通知 also finds 通知书).
    [InlineData("通知", "\"通知\"", "'通知'")]
    [InlineData("危房改造", "\"危房\" + \"房改\" + \"改造\"", "'危房' <-> '房改' <-> '改造'")]
    // One 汉字: every token that starts with it.
    [InlineData("税", "\"税\" *", "'税':*")]
    // Letters are a prefix (iso finds iso9001), digits exact (28 is not 280).
    [InlineData("ISO", "\"iso\" *", "'iso':*")]
    [InlineData("28", "\"28\"", "'28'")]
    // Within a word a run's last 汉字 stays, exact: 发 is followed by 2026 in the entry too; a lone 汉字 at the end after
    // other tokens is not looked for (号* would be a costly prefix for one character).
    [InlineData("青住建发〔2026〕28号", "\"青住\" + \"住建\" + \"建发\" + \"发\" + \"2026\" + \"28\"", "'青住' <-> '住建' <-> '建发' <-> '发' <-> '2026' <-> '28'")]
    [InlineData("2026年", "\"2026\"", "'2026'")]
    [InlineData("G20峰会", "\"g\" + \"20\" + \"峰会\"", "'g' <-> '20' <-> '峰会'")]
    public void QueryWords_BecomePhrases_ThatCannotBeSyntax(string word, string fts5, string tsquery)
    {
        var phrase = SearchTokens.Phrase(word);
        Assert.Equal(fts5, phrase.ToFts5());
        Assert.Equal(tsquery, phrase.ToTsQuery());
    }

    [Theory]
    [InlineData("\"OR*")] // FTS5 and tsquery syntax is only ever a separator
    [InlineData("NEAR(a b)")]
    [InlineData("a & !b | c:*")]
    public void Syntax_IsNeverPassedOn(string word)
    {
        var phrase = SearchTokens.Phrase(word);
        Assert.All(phrase.Tokens, t => Assert.Matches("^[a-z0-9]+$", t));
    }

    [Theory]
    [InlineData("农村危房改造", true)]
    [InlineData("人々", true)]
    [InlineData("危房2026", false)]
    [InlineData("农村，危房", false)]
    [InlineData("", false)]
    public void OneCjkRun_IsHanziAndNothingElse(string word, bool expected) => Assert.Equal(expected, SearchTokens.IsOneCjkRun(word));

    [Fact]
    public void AWordOfSymbolsOnly_HasNoPhrase() => Assert.True(SearchTokens.Phrase("☆★").IsEmpty);
}
