using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Domain.Tests.Publishing;

public sealed class DocumentNumberOrderTests
{
    [Theory]
    [InlineData("青府规〔2026〕10号", "青府规", 2026, 10)]
    [InlineData(" 青住建发［2025］3号 ", "青住建发", 2025, 3)]
    [InlineData("青财发[2024]第12号", "青财发", 2024, 12)]
    [InlineData("川府发（2023）7号", "川府发", 2023, 7)]
    public void TryParse_ReadsPrefixYearAndSequence(string text, string prefix, int year, int sequence) =>
        Assert.Equal(new DocumentNumber(prefix, year, sequence), DocumentNumber.TryParse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("青府规2026年10号")]
    [InlineData("青府规〔26〕10号")]
    [InlineData("青府规〔2026〕号")]
    [InlineData("青府规〔2026〕十号")]
    public void TryParse_RefusesWhatIsNotPrefixYearNumber(string? text) => Assert.Null(DocumentNumber.TryParse(text));

    [Fact]
    public void Sequence_IsComparedAsANumber_NotAsText()
    {
        Assert.True(DocumentNumberOrder.Instance.Compare("青府规〔2026〕10号", "青府规〔2026〕9号") > 0);
        Assert.True(string.CompareOrdinal("青府规〔2026〕10号", "青府规〔2026〕9号") < 0); // what a text sort would do
    }

    [Fact]
    public void Sort_ByPrefix_ThenYear_ThenNumber_UnreadableAfter_NoneLast()
    {
        string?[] numbers = [null, "青府规〔2026〕10号", "其他文号", "青府规〔2025〕30号", "青府规〔2026〕9号", "青府发〔2026〕2号", "", "青府规〔2026〕1号"];
        var sorted = numbers.Order(DocumentNumberOrder.Instance).ToList();
        Assert.Equal(["青府发〔2026〕2号", "青府规〔2025〕30号", "青府规〔2026〕1号", "青府规〔2026〕9号", "青府规〔2026〕10号", "其他文号"], sorted.Take(6));
        Assert.All(sorted.Skip(6), n => Assert.True(string.IsNullOrEmpty(n)));
    }

    [Fact]
    public void Order_IsConsistent_BothWays()
    {
        Assert.Equal(0, DocumentNumberOrder.Instance.Compare("青府规〔2026〕9号", "青府规〔2026〕9号"));
        Assert.Equal(0, DocumentNumberOrder.Instance.Compare(null, " "));
        Assert.True(DocumentNumberOrder.Instance.Compare("甲〔2026〕1号", null) < 0);
        Assert.True(DocumentNumberOrder.Instance.Compare(null, "甲〔2026〕1号") > 0);
    }
}
