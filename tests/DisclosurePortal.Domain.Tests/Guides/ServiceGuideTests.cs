using DisclosurePortal.Domain.Guides;

namespace DisclosurePortal.Domain.Tests.Guides;

public sealed class ServiceGuideTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 2, 0, 0, TimeSpan.Zero);

    public static GuideDraft Draft(string name = "城乡居民最低生活保障申请") => new()
    {
        DomainId = 1,
        Name = name,
        LegalBasis = "《社会救助暂行办法》第九条至第十一条",
        Conditions = "持有本县户籍，家庭人均收入低于当地最低生活保障标准。",
        Situations =
        [
            new("本人申请", [new("身份证", MaterialForm.OriginalAndCopy, 1), new("最低生活保障申请书", MaterialForm.Original, 1, 7)]),
            new("委托他人代为申请", [new("身份证", MaterialForm.Copy, 1), new("授权委托书", MaterialForm.Original, 1)]),
        ],
        Steps = [new("乡镇人民政府", "受理申请", "即时"), new("县民政局", "审核确认", "10个工作日")],
        TimeLimit = "30个工作日",
        Fees = "不收费",
        PlaceAndHours = "各乡镇便民服务中心；工作日 9:00—12:00，14:00—17:30",
        ConsultationPhone = "0839-0000001",
        ComplaintPhone = "0839-0000002",
    };

    [Fact]
    public void Guide_KeepsEachSituationWithItsOwnMaterials_AndDrawsItsSteps()
    {
        var g = ServiceGuide.Create(5, Draft(), "编辑", "u1", Now);
        Assert.Equal(["本人申请", "委托他人代为申请"], g.Situations.Select(s => s.Name));
        Assert.Equal(["身份证", "最低生活保障申请书"], g.Situations[0].Materials.Select(m => m.Name));
        Assert.Equal(7, g.Situations[0].Materials[1].TemplateId);
        Assert.Equal(MaterialForm.Copy, g.Situations[1].Materials[0].Form);
        Assert.Equal(2, g.Flowchart().Steps.Count);
    }

    [Fact]
    public void Guide_IsPublicOnlyAfterApproval_AndAReturnCarriesItsReason()
    {
        var g = ServiceGuide.Create(5, Draft(), "编辑", "u1", Now);
        g.Submit("编辑", "u1", Now);
        Assert.Throws<DomainException>(() => g.Edit(Draft("改名"), "编辑", "u1", Now));
        g.Return("请补充委托情形的材料。", "审核员", "u2", Now);
        Assert.Equal(GuideState.Draft, g.State);
        g.Submit("编辑", "u1", Now);
        g.Approve(new DateOnly(2026, 9, 2), "审核员", "u2", Now);
        Assert.Equal(GuideState.Published, g.State);
        Assert.Equal(new DateOnly(2026, 9, 2), g.PublishedOn);
        Assert.Equal([GuideEventKind.Created, GuideEventKind.Submitted, GuideEventKind.Returned, GuideEventKind.Submitted, GuideEventKind.Approved], g.Events.Select(e => e.Kind));
    }

    [Fact]
    public void Situation_WithoutMaterials_OrAMaterialWithoutACount_IsRefused()
    {
        Assert.Equal("请填写第1种情形的申请材料。", Assert.Throws<DomainException>(() =>
            ServiceGuide.Create(5, Draft() with { Situations = [new("本人申请", [])] }, "编辑", "u1", Now)).Message);
        Assert.Throws<DomainException>(() => ServiceGuide.Create(5, Draft() with { Situations = [new("本人申请", [new("身份证", MaterialForm.Original, 0)])] }, "编辑", "u1", Now));
        Assert.Throws<DomainException>(() => ServiceGuide.Create(5, Draft() with { Situations = [new("本人申请", [new("身份证", (MaterialForm)9, 1)])] }, "编辑", "u1", Now));
        Assert.Throws<DomainException>(() => ServiceGuide.Create(5, Draft() with { Situations = [] }, "编辑", "u1", Now));
        Assert.Throws<DomainException>(() => ServiceGuide.Create(5, Draft() with { Steps = [] }, "编辑", "u1", Now));
    }

    [Fact]
    public void ChangeToAPublicGuide_KeepsThePublicVersion_UntilTheOfficeApprovesIt()
    {
        var g = ServiceGuide.Create(5, Draft(), "编辑", "u1", Now);
        g.Submit("编辑", "u1", Now);
        g.Approve(new DateOnly(2026, 9, 2), "审核员", "u2", Now);
        Assert.Throws<DomainException>(() => g.Edit(Draft("改名"), "编辑", "u1", Now));

        var change = ServiceGuide.Revise(g, Draft("城乡居民最低生活保障申请（2027年版）") with { Fees = "免费" }, "编辑", "u1", Now);
        Assert.Equal(GuideState.Draft, change.State);
        Assert.Equal("城乡居民最低生活保障申请", g.Name);
        Assert.Equal(GuideState.Published, g.State);
        change.Submit("编辑", "u1", Now);
        Assert.Throws<DomainException>(() => change.Approve(new DateOnly(2026, 9, 3), "审核员", "u2", Now));
        change.Return("请核对收费。", "审核员", "u2", Now);
        Assert.Equal("城乡居民最低生活保障申请", g.Name);
        change.Submit("编辑", "u1", Now);
        change.ApproveChange(g, new DateOnly(2026, 9, 4), "审核员", "u2", Now);

        Assert.Equal("城乡居民最低生活保障申请（2027年版）", g.Name);
        Assert.Equal("免费", g.Fees);
        Assert.Equal(GuideState.Published, g.State);
        Assert.Equal(new DateOnly(2026, 9, 4), g.PublishedOn);
        Assert.Equal(GuideState.Adopted, change.State);
        Assert.Equal(7, g.Situations[0].Materials[1].TemplateId);
        Assert.Throws<DomainException>(() => change.Submit("编辑", "u1", Now));
    }

    [Fact]
    public void OnlyAPublicGuide_CanBeChanged()
    {
        var g = ServiceGuide.Create(5, Draft(), "编辑", "u1", Now);
        Assert.Throws<DomainException>(() => ServiceGuide.Revise(g, Draft(), "编辑", "u1", Now));
    }
}
