using DisclosurePortal.Domain.Publishing;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Domain.Tests.Publishing;

public sealed class RecordVersionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    private static RecordMetadata Metadata() => new()
    {
        Title = "关于印发《青川县农村危房改造实施方案》的通知",
        DocumentNumber = "青住建发〔2026〕12号",
        IssuingOrgan = "青川县住房和城乡建设局",
        WrittenOn = new DateOnly(2026, 11, 18),
        Body = "正文",
    };

    private static RecordVersion Draft() =>
        RecordVersion.CreateDraft(Record.Create(1, 2, 10, 2, RecordKind.NormativeDocument, Now), 1, Metadata(), "编辑甲", Now);

    [Fact]
    public void Draft_SubmittedThenPublished_IsPublic()
    {
        var v = Draft();
        Assert.False(v.IsPublished);
        v.Submit(Now);
        v.Publish(new DateOnly(2026, 11, 22), Now);
        Assert.True(v.IsPublished);
        Assert.Equal(VersionState.Published, v.State);
        Assert.Equal(new DateOnly(2026, 11, 22), v.PublishedOn);
    }

    [Fact]
    public void Draft_CannotBePublishedWithoutReview()
    {
        var v = Draft();
        var ex = Assert.Throws<DomainException>(() => v.Publish(new DateOnly(2026, 11, 22), Now));
        Assert.Contains("草稿", ex.Message, StringComparison.Ordinal);
        Assert.False(v.IsPublished);
    }

    [Fact]
    public void Return_NeedsAReason_AndGoesBackToDraft()
    {
        var v = Draft();
        v.Submit(Now);
        Assert.Throws<DomainException>(() => v.Return("", Now));
        v.Return("请补充发文字号", Now);
        Assert.Equal(VersionState.Draft, v.State);
        Assert.Equal("请补充发文字号", v.ReturnReason);
    }

    [Fact]
    public void Published_CannotBeEdited_AndWithdrawingHidesIt()
    {
        var v = Draft();
        v.Submit(Now);
        v.Publish(new DateOnly(2026, 11, 22), Now);
        Assert.Throws<DomainException>(() => v.Edit(Metadata(), Now));
        v.Withdraw("内容有误", Now);
        Assert.False(v.IsPublished);
        Assert.Equal(VersionState.Withdrawn, v.State);
    }

    [Fact]
    public void NotDisclosed_NeedsAReason_AndCanNeverBePublished()
    {
        Assert.Contains("不予公开的信息须说明理由。", (Metadata() with { DisclosureAttribute = DisclosureAttribute.NotDisclosed }).Problems());
        var v = RecordVersion.CreateDraft(Record.Create(1, 2, 10, 2, RecordKind.NormativeDocument, Now), 1,
            Metadata() with { DisclosureAttribute = DisclosureAttribute.NotDisclosed, NonDisclosureReason = "涉及第三方商业秘密" }, "编辑甲", Now);
        v.Submit(Now);
        Assert.Throws<DomainException>(() => v.Publish(new DateOnly(2026, 11, 22), Now));
    }

    [Theory]
    [InlineData(VersionState.Draft, VersionState.Published)]
    [InlineData(VersionState.Withdrawn, VersionState.Published)]
    [InlineData(VersionState.Superseded, VersionState.Published)]
    [InlineData(VersionState.Published, VersionState.Draft)]
    public void Workflow_RefusesIllegalTransitions(VersionState from, VersionState to) =>
        Assert.False(VersionWorkflow.CanMove(from, to));

    [Fact]
    public void IndexNumber_IsAssignedOnce()
    {
        var record = Record.Create(1, 2, 10, 2, RecordKind.Notice, Now);
        record.AssignIndexNumber(new IndexNumber("11220302013626563Q", 2026, 1));
        Assert.Throws<DomainException>(() => record.AssignIndexNumber(new IndexNumber("11220302013626563Q", 2026, 2)));
        Assert.Equal("11220302013626563Q/2026-00001", record.IndexNumber);
    }
}
