using DisclosurePortal.Domain.Publishing;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Domain.Tests.Publishing;

/// <summary>The county's review chain (issue 21 §6): its default, who may take which step, and another configuration.</summary>
public sealed class ReviewChainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static readonly ReviewActor Wang = new("u-wang", "王审核", IsReviewer: true, IsLeader: false);
    private static readonly ReviewActor Zhou = new("u-zhou", "周审核", IsReviewer: true, IsLeader: false);
    private static readonly ReviewActor Wu = new("u-wu", "吴审核", IsReviewer: true, IsLeader: false);
    private static readonly ReviewActor Zhao = new("u-zhao", "赵领导", IsReviewer: false, IsLeader: true);

    private static RecordVersion Submitted(RecordKind kind, string drafter = "李编辑")
    {
        var record = Record.Create(1, 2, 10, 2, kind, Now);
        var v = RecordVersion.CreateDraft(record, 1, new RecordMetadata { Title = "关于印发《青川县农村危房改造实施方案》的通知", IssuingOrgan = "青川县住房和城乡建设局", Body = "正文" }, drafter, Now);
        v.Submit(Now);
        return v;
    }

    /// <summary>Takes the step the version waits for, as <paramref name="actor"/>, a minute after the last.</summary>
    private static ReviewDecision Take(ReviewChain chain, RecordVersion v, List<ReviewDecision> decisions, ReviewActor actor,
        ReviewOutcome outcome = ReviewOutcome.Passed, string? comment = null)
    {
        var step = ReviewRound.Next(chain, v, decisions)!.Value;
        var d = ReviewRound.Decide(chain, v, decisions, step, outcome, actor, comment, Now.AddMinutes(decisions.Count + 1));
        decisions.Add(d);
        return d;
    }

    [Fact]
    public void Default_HasTheThreeReviews_AndTheLeadersApproval_OnlyForPolicyDocuments()
    {
        var chain = ReviewChain.Default();
        Assert.False(chain.DistinctReviewers); // the default: separate records, never the drafter; a county may ask for more
        Assert.Equal([ReviewStep.Confidentiality, ReviewStep.Legality, ReviewStep.DisclosureAttribute, ReviewStep.Approval], chain.StepsFor(RecordKind.NormativeDocument));
        Assert.Equal([ReviewStep.Confidentiality, ReviewStep.Legality, ReviewStep.DisclosureAttribute, ReviewStep.Approval], chain.StepsFor(RecordKind.Regulation));
        Assert.Equal([ReviewStep.Confidentiality, ReviewStep.Legality, ReviewStep.DisclosureAttribute], chain.StepsFor(RecordKind.Notice));
    }

    [Fact]
    public void Default_OneReviewerCannotCompleteAllStepsOfANormativeDocumentAlone()
    {
        var chain = ReviewChain.Default();
        var v = Submitted(RecordKind.NormativeDocument);
        var decisions = new List<ReviewDecision>();
        // The three reviews, each its own decision and time…
        Take(chain, v, decisions, Wang);
        Take(chain, v, decisions, Wang);
        Take(chain, v, decisions, Wang);
        Assert.Equal([ReviewStep.Confidentiality, ReviewStep.Legality, ReviewStep.DisclosureAttribute], decisions.Select(d => d.Step));
        Assert.Equal(3, decisions.Select(d => d.DecidedAt).Distinct().Count());
        // …but not 领导审签: the reviewer cannot finish it.
        Assert.Equal(ReviewStep.Approval, ReviewRound.Next(chain, v, decisions));
        Assert.Equal("领导审签须由领导账户完成。", ReviewRound.WhyNot(chain, v, decisions, ReviewStep.Approval, Wang));
        Assert.Throws<DomainException>(() => ReviewRound.Decide(chain, v, decisions, ReviewStep.Approval, ReviewOutcome.Passed, Wang, null, Now.AddMinutes(5)));
        // Nor may the version be published without it.
        Assert.Throws<DomainException>(() => v.Approve(chain, decisions, null, Today, Now));
        Assert.Equal(VersionState.Submitted, v.State);
        Take(chain, v, decisions, Zhao);
        v.Approve(chain, decisions, null, Today, Now.AddMinutes(10));
        Assert.True(v.IsPublished);
    }

    [Fact]
    public void DistinctReviewers_OneReviewerCannotTakeTwoSteps_ThreeReviewersAndTheLeaderPublish_InOrder()
    {
        var chain = ReviewChain.From(ReviewChainSettings.Default with { DistinctReviewers = true });
        var v = Submitted(RecordKind.NormativeDocument);
        var decisions = new List<ReviewDecision>();
        // Out of order: 合法性审查 waits for 保密审查.
        Assert.Contains("须按顺序审查", ReviewRound.WhyNot(chain, v, decisions, ReviewStep.Legality, Zhou), StringComparison.Ordinal);
        Take(chain, v, decisions, Wang);
        Assert.Contains("各环节须由不同人员审查", ReviewRound.WhyNot(chain, v, decisions, ReviewStep.Legality, Wang), StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => ReviewRound.Decide(chain, v, decisions, ReviewStep.Legality, ReviewOutcome.Passed, Wang, null, Now.AddMinutes(5)));
        var forged = decisions.Concat(new[] { ReviewStep.Legality, ReviewStep.DisclosureAttribute }.Select(s => new ReviewDecision(v.Id, s, ReviewOutcome.Passed, Wang.Name, null, Now.AddMinutes(9), Wang.UserId)))
            .Append(new ReviewDecision(v.Id, ReviewStep.Approval, ReviewOutcome.Passed, Zhao.Name, null, Now.AddMinutes(9), Zhao.UserId)).ToList();
        Assert.Throws<DomainException>(() => v.Approve(chain, forged, null, Today, Now));
        Take(chain, v, decisions, Zhou);
        Take(chain, v, decisions, Wu);
        Assert.Equal(ReviewStep.Approval, ReviewRound.Next(chain, v, decisions));
        // 领导审签 is the leader's; a fourth reviewer cannot take it.
        Assert.Equal("领导审签须由领导账户完成。", ReviewRound.WhyNot(chain, v, decisions, ReviewStep.Approval, new ReviewActor("u-4", "钱审核", true, false)));
        Assert.Throws<DomainException>(() => v.Approve(chain, decisions, null, Today, Now));
        Take(chain, v, decisions, Zhao);
        Assert.Empty(ReviewRound.Missing(chain, v, decisions));
        v.Approve(chain, decisions, null, Today, Now.AddMinutes(10));
        Assert.True(v.IsPublished);
    }

    [Fact]
    public void TheDrafter_NeverReviewsTheirOwnDraft_WhateverTheSettings()
    {
        var lenient = ReviewChain.From(new(true, false, false, false, new HashSet<RecordKind>()));
        var v = Submitted(RecordKind.Notice, drafter: Wang.Name);
        Assert.Equal("起草人不能审查自己起草的信息。", ReviewRound.WhyNot(lenient, v, [], ReviewStep.Confidentiality, Wang));
        Assert.Null(ReviewRound.WhyNot(lenient, v, [], ReviewStep.Confidentiality, Zhou));
    }

    [Fact]
    public void AReturnAtAnyStep_SendsTheVersionBack_AndTheResubmissionIsReviewedAfresh()
    {
        var chain = ReviewChain.Default();
        var v = Submitted(RecordKind.Notice);
        var decisions = new List<ReviewDecision>();
        Take(chain, v, decisions, Wang);
        Assert.Throws<DomainException>(() => Take(chain, v, decisions, Zhou, ReviewOutcome.Returned)); // a return needs its comment
        Take(chain, v, decisions, Zhou, ReviewOutcome.Returned, "依据已废止");
        Assert.Equal(VersionState.Draft, v.State);
        Assert.Equal("依据已废止", v.ReturnReason);

        v.Submit(Now.AddHours(1));
        // The earlier 保密审查 was of the returned draft: the new round starts at the first step.
        Assert.Equal(ReviewStep.Confidentiality, ReviewRound.Next(chain, v, decisions));
    }

    [Fact]
    public void Withholding_IsForTheConfidentialityAndTheAttributeReviews()
    {
        var chain = ReviewChain.Default();
        var v = Submitted(RecordKind.Notice);
        var decisions = new List<ReviewDecision>();
        Take(chain, v, decisions, Wang);
        Assert.Throws<DomainException>(() => Take(chain, v, decisions, Zhou, ReviewOutcome.Withheld, "涉及商业秘密"));
        Take(chain, v, decisions, Zhou);
        Take(chain, v, decisions, Wu, ReviewOutcome.Withheld, "涉及第三方商业秘密");
        Assert.Equal(VersionState.Withheld, v.State);
    }

    [Fact]
    public void AnotherConfiguration_TwoReviewsNoLeader_OnePersonMayTakeBoth()
    {
        var chain = ReviewChain.From(new(Confidentiality: true, Legality: false, DisclosureAttribute: true, DistinctReviewers: false, new HashSet<RecordKind>()));
        var v = Submitted(RecordKind.NormativeDocument);
        Assert.Equal([ReviewStep.Confidentiality, ReviewStep.DisclosureAttribute], chain.StepsFor(v.Kind));
        var decisions = new List<ReviewDecision>();
        Take(chain, v, decisions, Wang);
        Assert.Equal(ReviewStep.DisclosureAttribute, ReviewRound.Next(chain, v, decisions));
        Assert.Contains("没有“合法性审查”环节", ReviewRound.WhyNot(chain, v, decisions, ReviewStep.Legality, Wang), StringComparison.Ordinal);
        Take(chain, v, decisions, Wang);
        v.Approve(chain, decisions, null, Today, Now.AddMinutes(10));
        Assert.True(v.IsPublished);
    }

    [Fact]
    public void TheChain_NeedsAReview_AndNamesWhatChanged()
    {
        Assert.Throws<DomainException>(() => ReviewChain.From(new(false, false, false, true, new HashSet<RecordKind>())));
        var chain = ReviewChain.Default();
        var changes = chain.Change(new(true, false, true, true, new HashSet<RecordKind> { RecordKind.Regulation }), "系统管理员", Now);
        Assert.Equal(3, changes.Count);
        Assert.Contains("各环节须由不同人员审查：否 → 是", changes);
        Assert.Contains("须领导审签的信息类别：1、2 → 1", changes); // numbers unless the caller names the kinds
        var named = ReviewChain.Changes(chain.Settings, chain.Settings with { LeaderKinds = new HashSet<RecordKind>() }, k => k == RecordKind.Regulation ? "规章" : k.ToString());
        Assert.Equal(["须领导审签的信息类别：规章 → 无"], named);
        Assert.Contains(changes, c => c.StartsWith("合法性审查：是 → 否", StringComparison.Ordinal));
        Assert.Equal([ReviewStep.Confidentiality, ReviewStep.DisclosureAttribute], chain.StepsFor(RecordKind.NormativeDocument));
        Assert.Equal(1, chain.Version);
    }
}
