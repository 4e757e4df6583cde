using DisclosurePortal.Domain.Publishing;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Domain.Tests.Publishing;

public sealed class ApprovalTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static RecordMetadata Meta(string title = "关于印发《青川县农村危房改造实施方案》的通知") =>
        new() { Title = title, IssuingOrgan = "青川县住房和城乡建设局", DocumentNumber = "青住建发〔2026〕12号", Body = "正文" };

    private static (Record Record, RecordVersion Version) Submitted()
    {
        var record = Record.Create(1, 2, 10, 2, RecordKind.NormativeDocument, Now);
        var v = RecordVersion.CreateDraft(record, 1, Meta(), "李编辑", Now);
        v.Submit(Now);
        return (record, v);
    }

    /// <summary>The three reviews only, by anyone (the chain's other rules are ReviewChainTests').</summary>
    private static readonly ReviewChain ThreeReviews = ReviewChain.From(new(true, true, true, false, new HashSet<RecordKind>()));

    private static ReviewDecision Passed(RecordVersion v, ReviewStep step, int minutes = 0) =>
        new(v.Id, step, ReviewOutcome.Passed, "王审核", null, Now.AddMinutes(minutes));

    [Fact]
    public void Approve_WithoutTheThreeReviews_IsRefused_NamingWhatIsMissing()
    {
        var (_, v) = Submitted();
        var ex = Assert.Throws<DomainException>(() => v.Approve(ThreeReviews, [Passed(v, ReviewStep.Confidentiality)], null, Today, Now));
        Assert.Contains("合法性审查", ex.Message, StringComparison.Ordinal);
        Assert.Contains("公开属性审查", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("保密审查", ex.Message, StringComparison.Ordinal);
        Assert.False(v.IsPublished);
        Assert.Equal(VersionState.Submitted, v.State);
    }

    [Fact]
    public void Approve_WithThreePassedReviews_Publishes()
    {
        var (_, v) = Submitted();
        v.Approve(ThreeReviews, Reviews.Required.Select(s => Passed(v, s)), null, Today, Now);
        Assert.True(v.IsPublished);
        Assert.Equal(Today, v.PublishedOn);
    }

    [Fact]
    public void Approve_CountsTheLatestDecisionOfEachStep()
    {
        var (_, v) = Submitted();
        var decisions = Reviews.Required.Select(s => Passed(v, s)).ToList();
        decisions.Add(new ReviewDecision(v.Id, ReviewStep.Legality, ReviewOutcome.Returned, "王审核", "依据已废止", Now.AddMinutes(5)));
        Assert.Throws<DomainException>(() => v.Approve(ThreeReviews, decisions, null, Today, Now));
    }

    [Fact]
    public void EditingAPublishedRecord_LeavesThePublishedVersionLive_UntilTheNewOneIsApproved()
    {
        var (record, first) = Submitted();
        first.Approve(ThreeReviews, Reviews.Required.Select(s => Passed(first, s)), null, Today, Now);

        var second = RecordVersion.DraftFrom(record, first, "李编辑", Now.AddDays(1));
        Assert.Equal(2, second.Number);
        Assert.Equal(first.Title, second.Title);
        Assert.True(first.IsPublished);
        Assert.False(first.IsLatest);
        Assert.True(second.IsLatest);
        Assert.False(second.IsPublished);

        second.Edit(Meta("关于印发《青川县农村危房改造实施方案（修订）》的通知"), Now.AddDays(1));
        second.Submit(Now.AddDays(1));
        Assert.True(first.IsPublished); // still live while the edit waits for review

        second.Approve(ThreeReviews, Reviews.Required.Select(s => Passed(second, s, minutes: 2 * 24 * 60)), first, Today.AddDays(2), Now.AddDays(2));
        Assert.False(first.IsPublished);
        Assert.Equal(VersionState.Superseded, first.State);
        Assert.True(second.IsPublished);
    }

    [Fact]
    public void DraftFrom_OnlyFromTheLatestPublishedVersion()
    {
        var (record, v) = Submitted();
        Assert.Throws<DomainException>(() => RecordVersion.DraftFrom(record, v, "李编辑", Now));
    }

    [Fact]
    public void Withheld_IsListedForReevaluation_AndCanBeReconsideredIntoADraft()
    {
        var (_, v) = Submitted();
        v.Withhold("涉及第三方商业秘密", Now);
        Assert.Equal(VersionState.Withheld, v.State);
        Assert.Equal(DisclosureAttribute.NotDisclosed, v.DisclosureAttribute);
        Assert.Throws<DomainException>(() => v.Reconsider(" ", Now));
        v.Reconsider("第三方已同意公开", Now);
        Assert.Equal(VersionState.Draft, v.State);
        Assert.Equal(DisclosureAttribute.Proactive, v.DisclosureAttribute);
    }
}
