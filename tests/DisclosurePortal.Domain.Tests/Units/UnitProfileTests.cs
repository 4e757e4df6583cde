using DisclosurePortal.Domain.Units;

namespace DisclosurePortal.Domain.Tests.Units;

public sealed class UnitProfileTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    private static ProfileDraft Complete() => new()
    {
        Functions = "负责全县财政预算编制和执行。",
        Address = "政府路8号",
        OfficeHours = "工作日 8:30—17:30",
        Phone = "0839-7202301",
        ComplaintPhone = "0839-7202300",
        Offices = [new OfficeDraft("预算股", "编制预算草案。", "0839-7202311"), new OfficeDraft("  ", null, null)],
        Leaders = [new LeaderDraft("王志强", "局长", "主持全面工作。")],
    };

    private static UnitProfile Submitted(int departmentId = 3, int number = 1)
    {
        var p = UnitProfile.Create(departmentId, number, Complete(), "编辑", Now);
        p.Submit(Now);
        return p;
    }

    [Fact]
    public void Create_KeepsTheFilledRowsInOrder_AndStartsAsADraft()
    {
        var p = UnitProfile.Create(3, 1, Complete(), "编辑", Now);
        Assert.Equal(ProfileState.Draft, p.State);
        Assert.Equal(["预算股"], p.Offices.Select(o => o.Name));
        Assert.Equal(1, p.Leaders.Single().Position);
    }

    [Fact]
    public void Create_WithoutFunctions_IsRefused()
    {
        Assert.Throws<DomainException>(() => UnitProfile.Create(3, 1, Complete() with { Functions = " " }, "编辑", Now));
    }

    [Fact]
    public void Create_WithALeaderWithoutPost_IsRefused()
    {
        Assert.Throws<DomainException>(() => UnitProfile.Create(3, 1, Complete() with { Leaders = [new LeaderDraft("王志强", " ", null)] }, "编辑", Now));
    }

    [Fact]
    public void Submit_WhenArt20PartsMissing_IsRefused_NamingThem()
    {
        // 条例 Art. 20(二): address, office hours, contact and the head's name are published with the functions.
        var p = UnitProfile.Create(3, 1, Complete() with { Address = null, Leaders = [] }, "编辑", Now);
        var e = Assert.Throws<DomainException>(() => p.Submit(Now));
        Assert.Contains("办公地址", e.Message, StringComparison.Ordinal);
        Assert.Contains("负责人", e.Message, StringComparison.Ordinal);
        Assert.Equal(ProfileState.Draft, p.State);
    }

    [Fact]
    public void Publish_SupersedesThePublishedVersion_WhichIsKept()
    {
        var first = Submitted();
        first.Publish(null, "审核员", Now);
        var second = Submitted(number: 2);
        second.Publish(first, "审核员", Now.AddDays(1));
        Assert.Equal(ProfileState.Published, second.State);
        Assert.Equal(ProfileState.Superseded, first.State);
        Assert.Equal(Now.AddDays(1), first.SupersededAt);
    }

    [Fact]
    public void Publish_WithAnotherUnitsProfileAsCurrent_IsRefused()
    {
        var other = Submitted(departmentId: 9);
        other.Publish(null, "审核员", Now);
        Assert.Throws<DomainException>(() => Submitted().Publish(other, "审核员", Now));
    }

    [Fact]
    public void Publish_WhenNotSubmitted_IsRefused()
    {
        var p = UnitProfile.Create(3, 1, Complete(), "编辑", Now);
        Assert.Throws<DomainException>(() => p.Publish(null, "审核员", Now));
    }

    [Fact]
    public void Return_NeedsAReason_AndReopensTheDraftForEditing()
    {
        var p = Submitted();
        Assert.Throws<DomainException>(() => p.Return(" ", Now));
        Assert.Throws<DomainException>(() => p.Edit(Complete(), Now));
        p.Return("请补充内设机构电话。", Now);
        Assert.Equal(ProfileState.Draft, p.State);
        Assert.Equal("请补充内设机构电话。", p.ReturnReason);
        p.Edit(Complete() with { Email = "czj@example.gov.cn" }, Now);
        Assert.Equal("czj@example.gov.cn", p.Email);
    }

    [Fact]
    public void Edit_AfterPublication_IsRefused()
    {
        var p = Submitted();
        p.Publish(null, "审核员", Now);
        Assert.Throws<DomainException>(() => p.Edit(Complete(), Now));
    }

    [Fact]
    public void ToDraft_RoundTripsTheContent()
    {
        var p = UnitProfile.Create(3, 1, Complete(), "编辑", Now);
        var copy = UnitProfile.Create(3, 2, p.ToDraft(), "编辑", Now);
        Assert.Equal(p.Offices.Select(o => (o.Name, o.Duties, o.Phone)), copy.Offices.Select(o => (o.Name, o.Duties, o.Phone)));
        Assert.Equal(p.Leaders.Select(l => (l.Name, l.Post, l.Duties)), copy.Leaders.Select(l => (l.Name, l.Post, l.Duties)));
        Assert.Equal(p.Phone, copy.Phone);
    }
}
