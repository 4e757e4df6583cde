using DisclosurePortal.Domain.Catalogue;

namespace DisclosurePortal.Domain.Tests.Catalogue;

public sealed class CatalogueItemTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    internal static CatalogueItemElements Complete() => new()
    {
        NameLevel1 = "农村危房改造政策",
        NameLevel2 = "补助对象认定",
        Content = "补助对象条件、认定程序、认定结果。",
        Basis = "《中华人民共和国政府信息公开条例》",
        TimeLimitText = "信息形成或变更之日起20个工作日内",
        TimeLimit = TimeLimitRule.Statutory,
        Method = DisclosureMethod.Proactive,
        Channels = DisclosureChannels.GovernmentWebsite | DisclosureChannels.NoticeBoard,
        Audience = Audience.Public,
        Level = AdministrativeLevel.County,
        Frequency = UpdateFrequency.RealTime,
    };

    [Fact]
    public void Create_WithEveryElement_IsActive()
    {
        var item = CatalogueItem.Create(Complete(), 1, 10, 2, Now);
        Assert.Equal(CatalogueItemStatus.Active, item.Status);
        Assert.Equal("农村危房改造政策 · 补助对象认定", item.DisplayName);
        Assert.True(item.Channels.HasFlag(DisclosureChannels.NoticeBoard));
    }

    [Fact]
    public void Create_WhenRequiredElementsMissing_NamesEachOne()
    {
        var elements = Complete() with { Basis = " ", Channels = DisclosureChannels.None, Audience = null };
        var ex = Assert.Throws<DomainException>(() => CatalogueItem.Create(elements, 1, 10, 2, Now));
        Assert.Contains("公开依据", ex.Message, StringComparison.Ordinal);
        Assert.Contains("公开渠道", ex.Message, StringComparison.Ordinal);
        Assert.Contains("公开对象", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("事项名称", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredElements_ListsAllEightOfShishiFengliPlusLevelAndFrequency()
    {
        var missing = new CatalogueItemElements().MissingRequiredElements();
        Assert.Equal(["事项名称", "公开内容", "公开依据", "公开时限", "公开方式", "公开渠道", "公开对象", "公开层级", "更新频次"], missing);
    }

    [Fact]
    public void Retire_RequiresReason_AndCannotBeUndoneByRevising()
    {
        var item = CatalogueItem.Create(Complete(), 1, 10, 2, Now);
        Assert.Throws<DomainException>(() => item.Retire("  ", Now));
        item.Retire("职能调整", Now);
        Assert.Equal(CatalogueItemStatus.Retired, item.Status);
        Assert.Throws<DomainException>(() => item.Revise(Complete(), Now));
    }

    [Fact]
    public void Revise_BumpsTheConcurrencyVersion()
    {
        var item = CatalogueItem.Create(Complete(), 1, 10, 2, Now);
        item.Revise(Complete() with { Content = "新的公开内容" }, Now.AddDays(1));
        Assert.Equal(1, item.Version);
        Assert.Equal("新的公开内容", item.Content);
    }

    [Theory]
    [InlineData("11220302013626563Q", true)]
    [InlineData("11511023MB1C12345X", true)]
    [InlineData("11220302013626563", false)]   // 17 characters
    [InlineData("1122030201362656OQ", false)]  // O is not in the alphabet
    [InlineData("11220302013626563q", false)]  // lower case
    public void OrganisationCode_IsAnEighteenCharacterCreditCode(string code, bool valid) =>
        Assert.Equal(valid, Department.IsValidOrganisationCode(code));
}
