using DisclosurePortal.Domain.Applications;

namespace DisclosurePortal.Domain.Tests.Applications;

public sealed class IdentityAndFeeTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("11010519491231002X", true)]   // the standard's own example
    [InlineData("11010519491231002x", true)]   // a lower-case x is the same check character
    [InlineData("440524188001010014", false)]  // checksum fine but born in 1880: not a living applicant's number
    [InlineData("110105194912310021", false)]  // wrong check digit
    [InlineData("110105194913310029", false)]  // month 13
    [InlineData("11010520991231002X", false)]  // born in the future
    [InlineData("1101051949123100", false)]
    [InlineData("", false)]
    public void ResidentId_IsCheckedByDateAndChecksum(string id, bool valid) =>
        Assert.Equal(valid, IdentityNumbers.IsValidResidentId(id, Today));

    [Theory]
    [InlineData("91350100M000100Y43", true)]
    [InlineData("11220302013626563Q", true)]   // the index number's organisation code in seed 001
    [InlineData("11220302013626563R", false)]  // wrong check character
    [InlineData("91350100M000100Y4I", false)]  // I is not in the alphabet
    [InlineData("91350100M000100Y4", false)]
    public void CreditCode_IsCheckedByGb32100(string code, bool valid) =>
        Assert.Equal(valid, IdentityNumbers.IsValidCreditCode(code));

    [Fact]
    public void Mask_ShowsOnlyTheEnds() =>
        Assert.Equal("110105********002X", IdentityNumbers.Mask("11010519491231002X"));

    [Theory]
    [InlineData("张三丰", "张*")]
    [InlineData("  李四 ", "李*")]
    [InlineData("𠀋大勇", "𠀋*")]   // a character outside the BMP is one person-visible character, not half of one
    [InlineData("", "*")]
    public void MaskName_ShowsOnlyTheFirstCharacter(string name, string masked) =>
        Assert.Equal(masked, IdentityNumbers.MaskName(name));

    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 200)]
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    [InlineData(55, 400)]
    public void EachItemOfTheMonth_HasItsTierPrice(int n, int yuan) =>
        Assert.Equal(yuan, FeeTiers.StateCouncil2020.PriceOfItem(n));

    [Fact]
    public void Fee_CountsTheApplicantsEarlierItemsThisMonth()
    {
        var tiers = FeeTiers.StateCouncil2020;
        Assert.Equal(0m, tiers.FeeFor(0, 10));
        Assert.Equal(500m, tiers.FeeFor(0, 15));            // items 11–15
        Assert.Equal(100m * 20 + 200m * 5, tiers.FeeFor(8, 27)); // items 9–35: 9–10 free, 11–30 ¥100, 31–35 ¥200
        Assert.Equal(300m, tiers.FeeFor(40, 1));            // the 41st item
    }

    [Fact]
    public void Tiers_AreConfiguration() =>
        Assert.Equal(50m, new FeeTiers(FreeItems: 5, BaseYuan: 50m).PriceOfItem(6));
}
