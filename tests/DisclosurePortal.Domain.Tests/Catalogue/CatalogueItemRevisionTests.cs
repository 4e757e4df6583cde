using DisclosurePortal.Domain.Catalogue;

namespace DisclosurePortal.Domain.Tests.Catalogue;

public sealed class CatalogueItemRevisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Revision_RecordsTheStaffAccountThatMadeTheChange()
    {
        var revision = new CatalogueItemRevision(7, 2, CatalogueItemChange.Revised, "{}", "李编辑（县住建局）", " 补充依据 ", Now, actorId: "user-42");
        Assert.Equal("user-42", revision.ActorId);
        Assert.Equal("李编辑（县住建局）", revision.ActorName);
        Assert.Equal("补充依据", revision.Reason);
    }

    [Fact]
    public void Revision_BySystem_HasNoActorId_AndABlankReasonIsNone()
    {
        var revision = new CatalogueItemRevision(7, 1, CatalogueItemChange.Added, "{}", "系统初始化", "  ", Now);
        Assert.Null(revision.ActorId);
        Assert.Null(revision.Reason);
    }

    [Fact]
    public void Revision_IsNumberedFromOne() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CatalogueItemRevision(7, 0, CatalogueItemChange.Added, "{}", "系统初始化", null, Now));
}
