using DisclosurePortal.Domain.Catalogue;

namespace DisclosurePortal.Domain.Tests.Catalogue;

public sealed class CatalogueItemElementsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToElements_GivesBackWhatTheItemWasCreatedWith_Trimmed()
    {
        var supplied = CatalogueItemTests.Complete() with { NameLevel1 = "  农村危房改造政策 " };
        var item = CatalogueItem.Create(supplied, 1, 10, 2, Now);
        Assert.Equal(supplied with { NameLevel1 = "农村危房改造政策" }, item.ToElements());
        Assert.Empty(item.ToElements().MissingRequiredElements());
    }

    [Fact]
    public void Create_WithAChannelOutsideTheDirectory_IsRefused()
    {
        var elements = CatalogueItemTests.Complete() with { Channels = (DisclosureChannels)999999 };
        var ex = Assert.Throws<DomainException>(() => CatalogueItem.Create(elements, 1, 10, 2, Now));
        Assert.Contains("公开渠道和载体", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Revise_WithAChannelOutsideTheDirectory_IsRefused_AndChangesNothing()
    {
        var item = CatalogueItem.Create(CatalogueItemTests.Complete(), 1, 10, 2, Now);
        var unknown = DisclosureChannels.GovernmentWebsite | (DisclosureChannels)(1 << 20);
        Assert.Throws<DomainException>(() => item.Revise(CatalogueItemTests.Complete() with { Channels = unknown, Content = "改" }, Now));
        Assert.Equal(CatalogueItemTests.Complete().Content, item.Content);
        Assert.Equal(0, item.Version);
    }

    [Fact]
    public void AllChannels_AreTheFourteenOfTheDirectory()
    {
        Assert.True(CatalogueItemElements.AreKnown(CatalogueItemElements.AllChannels));
        Assert.Equal(14, Enum.GetValues<DisclosureChannels>().Count(c => c != DisclosureChannels.None && CatalogueItemElements.AllChannels.HasFlag(c)));
        Assert.False(CatalogueItemElements.AreKnown((DisclosureChannels)(1 << 14)));
    }
}
