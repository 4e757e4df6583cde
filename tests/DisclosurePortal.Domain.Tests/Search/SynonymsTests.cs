using DisclosurePortal.Domain.Search;

namespace DisclosurePortal.Domain.Tests.Search;

/// <summary>同义词组 (issue 22): how an administrator's typing becomes a group, what is refused, and the lookup.</summary>
public sealed class SynonymsTests
{
    [Theory]
    [InlineData("低保 最低生活保障", "低保|最低生活保障")]
    [InlineData(" 低保，最低生活保障、低保户 ", "低保|最低生活保障|低保户")]
    [InlineData("ＩＳＯ / iso;标准化", "ＩＳＯ|标准化")] // the same word in another width or case is kept once
    [InlineData("", "")]
    public void TypedWords_AreSplitAtSpacesCommasAndSlashes(string typed, string expected) =>
        Assert.Equal(expected, string.Join('|', SynonymGroup.Parse(typed)));

    [Theory]
    [InlineData("低保", "至少要有两个词")]
    [InlineData("☆ ★", "汉字、字母或数字")]
    [InlineData("一 二 三 四 五 六 七 八 九 十 百", "最多 10 个")]
    [InlineData("这是一个超过二十个字的非常非常非常长的词语啊 短", "不能超过 20 个字")]
    public void BadGroups_AreExplainedInChinese(string typed, string problem) =>
        Assert.Contains(problem, SynonymGroup.Problem(SynonymGroup.Parse(typed)), StringComparison.Ordinal);

    [Fact]
    public void EveryWord_FindsTheOthersOfItsGroup_AndEveryStartingGroupIsValid()
    {
        var synonyms = Synonyms.FromTerms(Synonyms.Starting);
        Assert.Equal(["最低生活保障"], synonyms.For("低保"));
        Assert.Equal(["低保"], synonyms.For("最低生活保障"));
        Assert.Equal(["医疗保障", "医疗保险"], synonyms.For("医保"));
        Assert.Empty(synonyms.For("通知"));
        Assert.True(synonyms.Knows("住房公积金"));
        Assert.All(Synonyms.Starting, g => Assert.Null(SynonymGroup.Problem(SynonymGroup.Parse(g))));
        // A word belongs to one starting group only.
        var words = Synonyms.Starting.SelectMany(SynonymGroup.Parse).Select(SynonymGroup.Key).ToList();
        Assert.Equal(words.Count, words.Distinct().Count());
    }
}
